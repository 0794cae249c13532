using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Communications;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Tests.Onboarding;

/// <summary>Health inputs, daily snapshots, trend, board and escalations through the services, on both stores.</summary>
public sealed class HealthServiceTests(PostgresServer postgres)
{
    private static readonly DateOnly MonthAgo = new(2026, 2, 8);
    private static readonly DateOnly Today = new(2026, 3, 10);

    /// <summary>
    /// A client started 02-01 without a plan (milestones: no data). 02-08: usage 90, 0 tickets (100), NPS 50 (75), engagement 80
    /// with an inbound call 3 days before (100) → 90; weights 30+15+15+15 = 75 covered: (2700+1500+1125+1350)/75 = 89.00.
    /// 03-10: usage 20, 8 tickets (20), NPS −40 (30), engagement 30 and the call 33 days old (0) → 15: 1575/75 = 21.00.
    /// </summary>
    private static async Task<long> ArrangeFallingClientAsync(OnboardingKit kit)
    {
        kit.MoveTo(new DateOnly(2026, 2, 1));
        var client = await kit.Clients.StartFromProspectAsync(OnboardingKit.Rep, await kit.ConvertedProspectAsync("Falling Inc"));
        var input = Epic16.Domain.Onboarding.Clients.ClientInput.From(client);
        input.CsmOwner = OnboardingKit.Csm.Name;
        await kit.Clients.SaveAsync(OnboardingKit.Csm, client.Id, input);
        kit.MoveTo(MonthAgo);
        await kit.Communications.RecordAsync(OnboardingKit.Csm, client.Id, new CommunicationInput
        {
            Channel = "call", Direction = "inbound", Subject = "Check-in", OccurredAt = new DateTime(2026, 2, 5, 15, 0, 0, DateTimeKind.Utc),
        });
        await kit.Inputs.RecordAsync(OnboardingKit.Csm, client.Id, MonthAgo, new HealthInput { ProductUsage = 90m, SupportTickets = 0, Nps = 50, Engagement = 80m });
        await kit.Snapshots.RecordAsync(MonthAgo, raiseEscalations: false);
        kit.MoveTo(Today);
        await kit.Inputs.RecordAsync(OnboardingKit.Csm, client.Id, Today, new HealthInput { ProductUsage = 20m, SupportTickets = 8, Nps = -40, Engagement = 30m });
        return client.Id;
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task DailySnapshot_FallingClient_ScoresTrendsAndRaisesEachRuleOnce(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var clientId = await ArrangeFallingClientAsync(kit);

        var run = await kit.Snapshots.RecordTodayAsync();
        var rerun = await kit.Snapshots.RecordTodayAsync();
        var health = await kit.Health.LoadAsync(OnboardingKit.Executive, clientId);

        Assert.Equal((1, 6, 0), (run.Clients, run.EscalationsRaised, rerun.EscalationsRaised));
        Assert.Equal((21.00m, HealthBands.Critical, 75m), (health.Now.Score, health.Now.Band, health.Now.CoveragePercent));
        Assert.Equal((89.00m, -68.00m), (health.ThirtyDaysEarlier!.Value, health.Trend!.Value));
        Assert.Equal([(MonthAgo, 89.00m), (Today, 21.00m)], health.History.Select(h => (h.Day, h.Score!.Value)));
        Assert.Equal([20m, null, 20m, 30m, 15m], health.History[1].Components.Select(c => c.Score));
        Assert.Equal([90m, null, 100m, 75m, 90m], health.History[0].Components.Select(c => c.Score));
        var queue = await kit.Escalations.QueueAsync(OnboardingKit.Csm);
        Assert.Equal(
            [EscalationReason.AtRiskBand, EscalationReason.NoTwoWayContact, EscalationReason.RedZone(HealthComponents.Engagement),
             EscalationReason.RedZone(HealthComponents.ProductUsage), EscalationReason.RedZone(HealthComponents.SupportTickets), EscalationReason.ScoreDrop],
            queue.Select(e => e.Reason).Order(StringComparer.Ordinal));
        Assert.All(queue, e => Assert.True(e.Mine && e.Owner == OnboardingKit.Csm.Name && e.Company == "Falling Inc"));
        Assert.Equal(Today.AddDays(2), queue.Single(e => e.Reason == EscalationReason.ScoreDrop).DueOn);
        Assert.Equal(Today.AddDays(5), queue.Single(e => e.Reason == EscalationReason.NoTwoWayContact).DueOn);
        Assert.Contains("33 days ago", queue.Single(e => e.Reason == EscalationReason.NoTwoWayContact).Detail);
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task Escalation_AcknowledgeAndResolve_NeedANoteAndAreAudited(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        await ArrangeFallingClientAsync(kit);
        await kit.Snapshots.RecordTodayAsync();
        var drop = (await kit.Escalations.QueueAsync(OnboardingKit.Csm)).Single(e => e.Reason == EscalationReason.ScoreDrop);

        var noNote = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Escalations.AcknowledgeAsync(OnboardingKit.Csm, drop.Id, "  "));
        await Assert.ThrowsAsync<AccessDeniedException>(() => kit.Escalations.AcknowledgeAsync(OnboardingKit.Executive, drop.Id, "seen"));
        await kit.Escalations.AcknowledgeAsync(OnboardingKit.Csm, drop.Id, "Calling the sponsor <today>");
        await kit.Escalations.ResolveAsync(OnboardingKit.Csm, drop.Id, "Usage plan agreed");
        var resolvedAgain = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Escalations.ResolveAsync(OnboardingKit.Csm, drop.Id, "again"));

        Assert.Contains("note is required", noNote.Errors["Note"]);
        Assert.Contains("already resolved", resolvedAgain.Errors["Status"]);
        Assert.Equal(5, (await kit.Escalations.QueueAsync(OnboardingKit.Csm)).Count);
        var all = await kit.Escalations.QueueAsync(OnboardingKit.Executive, includeResolved: true);
        var resolved = all.Single(e => e.Id == drop.Id);
        Assert.Equal(("resolved", "Calling the sponsor <today>", "Usage plan agreed", OnboardingKit.Csm.Name), (resolved.Status, resolved.AcknowledgeNote, resolved.ResolveNote, resolved.ResolvedBy));
        Assert.False(resolved.Mine);
        await using var control = await kit.Platform.CreateDbContextAsync();
        var audit = await control.AuditEntries.AsNoTracking().Where(a => a.Target == $"escalation:{drop.Id}").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["onboarding.escalation.acknowledge", "onboarding.escalation.resolve"], audit.Select(a => a.Action));
        Assert.Equal([OnboardingKit.Csm.Name, OnboardingKit.Csm.Name], audit.Select(a => a.Actor));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task Board_SortsByRisk_CountsBands_FiltersAndDrawsTheSparkline(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var falling = await ArrangeFallingClientAsync(kit);
        var steady = await kit.Clients.StartFromProspectAsync(OnboardingKit.Rep, await kit.ConvertedProspectAsync("Steady AG"));
        await kit.Inputs.RecordAsync(OnboardingKit.Csm, steady.Id, Today, new HealthInput { ProductUsage = 95m, Nps = 80 });
        await kit.Snapshots.RecordTodayAsync();

        var board = await kit.Board.LoadAsync(OnboardingKit.Executive);
        var critical = await kit.Board.LoadAsync(OnboardingKit.Executive, band: HealthBands.Critical);
        var mine = await kit.Board.LoadAsync(OnboardingKit.Executive, csm: OnboardingKit.Csm.Name);

        // Steady: usage 95 (30) and NPS 80 → 90 (15): (2850 + 1350) / 45 = 93.33, healthy.
        Assert.Equal([(falling, 21.00m, HealthBands.Critical), (steady.Id, 93.33m, HealthBands.Healthy)], board.Cards.Select(c => (c.ClientId, c.Score!.Value, c.Band!)));
        Assert.Equal((1, 0, 0, 1, 0), (board.CountsPerBand[HealthBands.Critical], board.CountsPerBand[HealthBands.AtRisk], board.CountsPerBand[HealthBands.Watch],
            board.CountsPerBand[HealthBands.Healthy], board.CountsPerBand[HealthBoard.NoData]));
        Assert.Equal((-68.00m, 6), (board.Cards[0].Trend!.Value, board.Cards[0].OpenEscalations));
        Assert.Null(board.Cards[1].Trend);
        Assert.Equal(90, board.Cards[0].Sparkline.Count);
        Assert.Equal((21.00m, 89.00m, 2), (board.Cards[0].Sparkline[^1]!.Value, board.Cards[0].Sparkline[^31]!.Value, board.Cards[0].Sparkline.Count(p => p is not null)));
        Assert.Equal([falling], critical.Cards.Select(c => c.ClientId));
        Assert.Equal([falling], mine.Cards.Select(c => c.ClientId));
        Assert.Equal([OnboardingKit.Csm.Name], board.CsmOwners);
        Assert.Empty(board.Quarantined);
        await Assert.ThrowsAsync<AccessDeniedException>(() => kit.Board.LoadAsync(OnboardingKit.Rep));
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task Board_BeforeAnySnapshot_ListsTheClientsWithoutScores(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var client = await kit.Clients.StartFromProspectAsync(OnboardingKit.Rep, await kit.ConvertedProspectAsync("First Co"));

        var board = await kit.Board.LoadAsync(OnboardingKit.Csm);

        var card = Assert.Single(board.Cards);
        Assert.Equal((client.Id, null, null, 0), (card.ClientId, card.Score, card.Band, card.Sparkline.Count));
        Assert.Equal(1, board.CountsPerBand[HealthBoard.NoData]);
    }

    [Theory, ClassData(typeof(BothStores))]
    public async Task HealthInput_OutOfRange_IsRefusedNamingTheFieldAndNothingSaved(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var kit = new OnboardingKit(scope);
        var client = await kit.Clients.StartFromProspectAsync(OnboardingKit.Rep, await kit.ConvertedProspectAsync());

        var error = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Inputs.RecordAsync(OnboardingKit.Csm, client.Id, kit.Today,
            new HealthInput { ProductUsage = 100.5m, SupportTickets = 2, Nps = -101, Engagement = 50m }));
        var csv = "client_id,metric_date,product_usage,support_tickets,nps,engagement\n"
            + $"{client.Id},2026-03-09,55,1,10,60\n"
            + $"{client.Id},2026-03-10,50,x,101,60\n";
        var import = await Assert.ThrowsAsync<OnboardingValidationException>(() => kit.Inputs.ImportCsvAsync(OnboardingKit.Csm, new StringReader(csv)));

        Assert.Contains("0 to 100", error.Errors[nameof(HealthInput.ProductUsage)]);
        Assert.Contains("−100 to 100", error.Errors[nameof(HealthInput.Nps)]);
        Assert.Contains("Line 3: support_tickets \"x\" is not a number.", import.Errors["line 3: support_tickets"]);
        Assert.Contains("Line 3: NPS must be", import.Errors["line 3: Nps"]);
        await using var db = await scope.Router.CreateContextAsync();
        Assert.Equal(0, await db.HealthMetrics.CountAsync());

        var imported = await kit.Inputs.ImportCsvAsync(OnboardingKit.Csm, new StringReader(csv.Replace(",x,101,", ",3,-100,", StringComparison.Ordinal)));
        Assert.Equal(2, imported);
        var rows = await db.HealthMetrics.AsNoTracking().OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([(new DateOnly(2026, 3, 9), 55m, 1, 10), (new DateOnly(2026, 3, 10), 50m, 3, -100)],
            rows.Select(r => (r.MetricDate, r.ProductUsage!.Value, r.SupportTickets!.Value, r.Nps!.Value)));
    }

    [Fact]
    public async Task SameSteps_OnBothStores_GiveEqualSnapshotsBoardsAndEscalations()
    {
        var results = new List<string>();
        foreach (var mode in new BothStores())
        {
            await using var scope = await StoreScope.CreateAsync(postgres, mode);
            var kit = new OnboardingKit(scope);
            var (client, plan) = await kit.ClientWithPlanAsync("Planned Ltd");
            await kit.Plans.CompleteAsync(OnboardingKit.Csm, plan.Projection.Milestones[0].Id);
            await kit.Inputs.RecordAsync(OnboardingKit.Csm, client.Id, kit.Today, new HealthInput { ProductUsage = 61.25m, SupportTickets = 4, Nps = 12, Engagement = 44.5m });
            await ArrangeFallingClientAsync(kit);
            kit.MoveTo(Today.AddDays(16));
            await kit.Snapshots.RecordTodayAsync();
            var board = await kit.Board.LoadAsync(OnboardingKit.Csm);
            var queue = await kit.Escalations.QueueAsync(OnboardingKit.Csm);
            results.Add(string.Join("\n", board.Cards.Select(c => $"{c.Company},{c.Score},{c.Band},{c.CoveragePercent},{c.Trend},{c.OpenEscalations}"))
                + "\n" + string.Join("\n", queue.Select(e => $"{e.Company},{e.Reason},{e.Detail},{e.DueOn:yyyy-MM-dd}")));
        }

        Assert.Equal(results[0], results[1]);
        Assert.Contains("Planned Ltd", results[0]);
        Assert.Contains("milestone_overdue", results[0]);
    }
}
