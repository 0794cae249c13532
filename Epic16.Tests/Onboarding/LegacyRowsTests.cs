using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Onboarding.Plans;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Onboarding;

/// <summary>
/// Rows as the legacy application wrote them (Python-literal JSON, dates and timestamps in every form, epoch integers, odd
/// enum spellings, a go-live target that is no date) work through the onboarding services, and give the same figures once
/// migrated to PostgreSQL.
/// </summary>
public sealed class LegacyRowsTests(PostgresServer postgres)
{
    // The plan is MilestonePlannerTests' plan: kickoff done (epoch 1772409600 = 2026-03-02), security overdue, SSO, data, go-live.
    private const string Rows = """
        INSERT INTO success_templates (id, name, segment, milestones, created_at) VALUES (1, 'Legacy plan', 'Fortune 500 standard',
          '[{''key'': ''kickoff'', ''name'': ''Kickoff'', ''offset_days'': 0, ''depends_on'': []}, {''key'': ''sso'', ''name'': ''SSO'', ''offset_days'': 7, ''depends_on'': [''kickoff'']}]',
          1760000000);
        INSERT INTO clients (id, company_name, template_id, contract_value_usd, start_date, go_live_target, csm_owner, status, created_at)
          VALUES (1, 'Légacy Corp', 1, 250000.125, '2026-03-01T00:00:00Z', '2026-03-25 00:00:00', 'csm@epic16.test', ' Implementation', '2026-02-20T09:00:00.123456+00:00');
        INSERT INTO clients (id, company_name, go_live_target, status, created_at) VALUES (2, 'Bad Date Corp', '2026-02-30', 'kickoff', '2026-02-20 09:00:00');
        INSERT INTO milestones (id, client_id, name, sort_order, due_date, completed_at, status, depends_on) VALUES
          (10, 1, 'Kickoff', 0, '2026-03-01', 1772409600, 'Done', NULL),
          (11, 1, 'Security', 10, '2026-03-05 00:00:00', NULL, ' in_progress', '[10]'),
          (12, 1, 'SSO', 20, '2026-03-12T00:00:00', NULL, 'PENDING', '[11]'),
          (13, 1, 'Data', 30, '2026-03-20', '', 'pending', '[10]'),
          (14, 1, 'Go-live', 40, '2026-03-25', NULL, 'pending', '[12, 13]');
        INSERT INTO health_metrics (id, client_id, metric_date, product_usage, support_tickets, nps, engagement, milestone_progress, health_score, risk_level) VALUES
          (40, 1, '2026-03-07T00:00:00Z', 58, 4, 8, 48, 38, 52.0, 'WATCH'),
          (41, 1, '2026-03-08', 60, 3, 10, 50, 40, 55.5, ' Watch'),
          (42, 1, '2026-03-09 00:00:00', 62, 3, 12, 50, 42, 56.1, 'watch');
        INSERT INTO communications (id, client_id, channel, direction, subject, author, occurred_at) VALUES (30, 1, 'Call', 'Inbound', 'Weekly', 'it@legacy', 1772928000);
        """;

    [Fact]
    public async Task LegacyRows_WorkThroughTheServices_AndTheBadClientIsQuarantinedOnTheBoard()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "SqliteOnly");
        await scope.ExecuteLegacyAsync(Rows);
        await scope.Services.CreateScope().ServiceProvider.GetRequiredService<QuarantineScanner>().ScanAsync(Epic16.Domain.Security.SystemUser.Cli);
        var kit = new OnboardingKit(scope);

        var client = await kit.Clients.GetAsync(OnboardingKit.Csm, 1);
        var plan = await kit.Plans.GetAsync(OnboardingKit.Csm, 1);
        var template = Assert.Single(await kit.Templates.ListAsync(OnboardingKit.Csm));
        var run = await kit.Snapshots.RecordTodayAsync();
        var board = await kit.Board.LoadAsync(OnboardingKit.Csm);
        var variance = await kit.Variance.PerClientAsync(OnboardingKit.Csm);

        Assert.Equal(("Légacy Corp", "implementation", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 25), 250_000.13m),
            (client.CompanyName, client.Status, client.StartDate!.Value, client.GoLiveTarget!.Value, client.ContractValueUsd!.Value));
        Assert.Equal(["kickoff"], template.Milestones[1].DependsOn);
        Assert.Equal(new DateOnly(2026, 3, 2), plan.Projection.Find(10)!.Completed);
        Assert.Equal((new DateOnly(2026, 3, 30), 5), (plan.Projection.ProjectedGoLive!.Value, plan.Projection.SlipDays!.Value));
        Assert.Equal([11L, 12L, 14L], plan.Projection.CriticalPath);
        Assert.Equal([12L, 13L], plan.Projection.Find(14)!.DependsOn);

        // 03-10: the 03-09 inputs (usage 62; 3 tickets → 70; NPS 12 → 56), milestones on time ½ of 2 due → 25, engagement 50
        // with an inbound call 2 days ago (100) → 75: (1860 + 625 + 1050 + 840 + 1125) / 100 = 55.00.
        Assert.Equal(1, run.Clients);
        var card = Assert.Single(board.Cards);
        Assert.Equal((1L, 55.00m, HealthBands.Watch), (card.ClientId, card.Score!.Value, card.Band!));
        var quarantined = Assert.Single(board.Quarantined);
        Assert.Equal((2L, "go_live_target", "2026-02-30"), (quarantined.LegacyId, quarantined.Column, quarantined.RawValue));

        // The legacy 56.1 against (30·62 + 25·42 + 15·70 + 15·56 + 15·50) / 100 = 55.50 from the same row: 0.6 / 56.1 = 1.07 %.
        var row = Assert.Single(variance);
        Assert.Equal((new DateOnly(2026, 3, 9), 56.1m, "watch", 55.50m, "watch", 1.07m), (row.Day, row.LegacyScore, row.LegacyRisk, row.Recomputed!.Value, row.RecomputedBand, row.VariancePercent!.Value));
        Assert.Equal(1.07m, LegacyScoreVariance.TotalPercent(variance));
    }

    [Fact]
    public async Task LegacyRows_MigratedToPostgres_GiveTheSamePlanAndVariance()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "SqliteOnly");
        await scope.ExecuteLegacyAsync(Rows);
        var report = await scope.Services.CreateScope().ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        var today = new DateOnly(2026, 3, 10);

        var results = new List<string>();
        foreach (var store in new[] { StoreKind.Sqlite, StoreKind.Postgres })
        {
            await using var db = await scope.ContextAsync(store);
            var client = await db.OnboardingClients.AsNoTracking().SingleAsync(c => c.Id == 1);
            var milestones = await db.Milestones.AsNoTracking().Where(m => m.ClientId == 1).ToListAsync();
            var projection = MilestonePlanner.Project([.. milestones.Select(PlanMilestone.Of)], today, client.GoLiveTarget);
            var variance = LegacyScoreVariance.Compute(await db.HealthMetrics.AsNoTracking().ToListAsync(), HealthWeights.Default);
            results.Add($"{projection.ProjectedGoLive:yyyy-MM-dd},{projection.SlipDays},{string.Join("/", projection.CriticalPath)},"
                + string.Join(";", variance.Select(v => $"{v.ClientId},{v.LegacyScore},{v.Recomputed},{v.VariancePercent}"))
                + $",{await db.OnboardingClients.CountAsync()}");
        }

        Assert.True(report.QuarantinedRows >= 1);
        Assert.Equal(results[0], results[1]);
        Assert.Equal("2026-03-30,5,11/12/14,1,56.10,55.50,1.07,1", results[1]);
    }
}
