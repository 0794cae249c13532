using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Abm;

/// <summary>Rows as the legacy application wrote them keep working: Python-literal JSON, enum spellings in any case, mixed timestamps, a quarantined prospect.</summary>
public sealed class AbmLegacyRowsTests(PostgresServer postgres)
{
    private const string Rows = """
        INSERT INTO prospects (id, company_name, status, estimated_arr_usd, created_at) VALUES
          (1, 'Acme', ' Engaged', 100000.0, '2025-10-08 14:03:22'),
          (2, 'Bolt', 'QUALIFIED', 50000.0, 1759932202),
          (3, 'Broken Co', 'bogus_stage', 30000.0, '2025-10-08T14:03:22Z');
        INSERT INTO campaigns (id, name, tier, status, target_accounts, channels, budget_usd, start_date, end_date, owner, created_at) VALUES
          (1, 'Legacy wave', 'One_To_Few ', 'ACTIVE', '[1, 2, 3]', '[''email'', ''LinkedIn'']', 12000.0, '2026-01-01', '2026-03-31 00:00:00', 'rep', '2025-12-01 09:00:00');
        INSERT INTO touchpoints (id, campaign_id, prospect_id, channel, scheduled_at, executed_at, status, engagement_score) VALUES
          (1, 1, 1, 'EMAIL', '2026-02-02 09:00:00', '2026-02-02T10:00:00Z', 'Replied ', 60.0),
          (2, 1, 1, 'Call', 1770627600, '2026-02-09 10:00:00.000000', 'MEETING', 90.0),
          (3, 1, 2, 'email', '2026-02-02T09:00:00', '2026-02-02 11:00:00', 'clicked', NULL),
          (4, 1, 3, 'email', '2026-02-02 09:00:00', '2026-02-02 12:00:00', 'meeting', NULL);
        """;

    [Fact]
    public async Task LegacyCampaign_OddFormsAndAQuarantinedProspect_FiguresAsWorkedOut()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "SqliteOnly");
        await scope.ExecuteLegacyAsync(Rows);
        await scope.Services.CreateScope().ServiceProvider.GetRequiredService<QuarantineScanner>().ScanAsync(Epic16.Domain.Security.SystemUser.Cli);
        var world = AbmWorld.On(scope);

        var list = await world.Campaigns.ListAsync(AbmWorld.Rep, new CampaignQuery { Status = "active", Tier = "one_to_few" });
        var detail = await world.Campaigns.GetAsync(AbmWorld.Rep, 1);
        var figures = await world.Reports.FiguresAsync(AbmWorld.Rep, 1);
        var meetings = await world.Touchpoints.ListAsync(AbmWorld.Rep, new TouchpointQuery { Status = "meeting" });
        var timeline = await world.Reports.TimelineAsync(AbmWorld.Rep, 1, 1);

        Assert.Equal(1, Assert.Single(list.Items).Id);
        Assert.Equal(("one_to_few", "active", "email,linkedin"), (detail.Tier, detail.Status, string.Join(",", detail.Channels)));
        Assert.Equal(["Acme", "Bolt", "Prospect #3 (not readable: quarantined or missing)"], detail.Targets.Select(t => t.Label));
        // Prospect 3 and its touch are quarantined; Acme replied and met, Bolt clicked, inside the window.
        Assert.Equal((3, 3, 3, 1, 2), (figures.TargetAccounts, figures.Touches, figures.EngagedTouches, figures.Meetings, figures.EngagedAccounts));
        Assert.Equal((150_000m, 1, 12_000m), (figures.InfluencedPipelineUsd, figures.Opportunities, figures.CostPerMeetingUsd));
        Assert.Equal((2L, "call", new DateTime(2026, 2, 9, 9, 0, 0, DateTimeKind.Utc)), (Assert.Single(meetings.Items).Id, meetings.Items[0].Channel, meetings.Items[0].ScheduledAt!.Value));
        Assert.Equal(3, timeline.Accounts.Count);

        var preview = await world.Touchpoints.PreviewCadenceAsync(AbmWorld.Rep, 1, new CadencePlanInput { StartAt = new DateTime(2026, 3, 9, 9, 0, 0, DateTimeKind.Utc), Steps = [new("email", null, 0)] });
        var refused = await Assert.ThrowsAsync<TouchpointValidationException>(() => world.Touchpoints.AddAsync(AbmWorld.Rep, new TouchpointInput { CampaignId = 1, ProspectId = 3, Channel = "email", ScheduledAt = DateTime.UtcNow }));
        var edited = await world.Campaigns.SaveAsync(AbmWorld.Rep, 1, detail.ToInput() with { BudgetUsd = 13_000m }, detail.UpdatedAt);

        Assert.Equal((2, "3"), (preview.Accounts, string.Join(",", preview.SkippedAccounts)));
        Assert.Contains("cannot be read", refused.Errors["ProspectId"]);
        Assert.Equal((13_000m, 3), (edited.BudgetUsd, edited.Targets.Count));
    }
}
