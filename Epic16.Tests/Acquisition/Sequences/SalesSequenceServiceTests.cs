using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Tests.Acquisition.Sequences;

/// <summary>Every case runs with the legacy SQLite files as the store and again with PostgreSQL.</summary>
public sealed class SalesSequenceServiceTests(PostgresServer postgres)
{
    private static readonly TestUser Rep = TestUser.Rep;
    private static readonly DateOnly Start = new(2026, 3, 2);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task StartSequenceAsync_Enterprise5Touch_SchedulesEveryStepAtItsOffset(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (sequences, id) = await SetUpAsync(scope, "Acme Corp");

        var steps = await sequences.StartSequenceAsync(Rep, id, " enterprise 5-TOUCH ", Start);

        Assert.Equal([1, 2, 3, 4, 5], steps.Select(s => s.StepNumber));
        Assert.All(steps, s => Assert.Equal((SalesCadences.Enterprise5Touch, SequenceStepStatus.Scheduled, (DateTime?)null), (s.SequenceName, s.Status, s.SentAt)));
        Assert.Equal(["email", "linkedin", "email", "call", "email"], steps.Select(s => s.Channel));
        Assert.Equal([0, 2, 5, 9, 16], steps.Select(s => (s.ScheduledAt!.Value - new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc)).Days));

        await using var db = await scope.ContextAsync(StoreOf(mode));
        var saved = await db.SequenceSteps.AsNoTracking().OrderBy(s => s.StepNumber).ToListAsync();
        Assert.Equal(steps.Select(s => s.ScheduledAt), saved.Select(s => s.ScheduledAt));
        Assert.All(saved, s => Assert.Equal(DateTimeKind.Utc, s.ScheduledAt!.Value.Kind));
        Assert.Equal(steps, await sequences.TimelineAsync(Rep, id));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task StartSequenceAsync_SecondActiveRunUnknownCadenceOrClosedProspect_IsRefused(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (sequences, id) = await SetUpAsync(scope, "Acme Corp");
        var acquisition = Acquisition(scope);
        var lostId = (await acquisition.CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Gone Inc" })).Id;
        await acquisition.MoveStageAsync(Rep, lostId, ProspectStatus.Lost, "Budget frozen");
        await sequences.StartSequenceAsync(Rep, id, SalesCadences.Enterprise5Touch, Start);

        var again = await Assert.ThrowsAsync<SequenceRuleException>(() => sequences.StartSequenceAsync(Rep, id, SalesCadences.Enterprise5Touch, Start.AddDays(7)));
        var unknown = await Assert.ThrowsAsync<SequenceRuleException>(() => sequences.StartSequenceAsync(Rep, id, "Spam blast", Start));
        var closed = await Assert.ThrowsAsync<SequenceRuleException>(() => sequences.StartSequenceAsync(Rep, lostId, SalesCadences.EventFollowUp, Start));
        var other = await sequences.StartSequenceAsync(Rep, id, SalesCadences.EventFollowUp, Start);

        Assert.Contains("already running \"Enterprise 5-touch\"", again.Message);
        Assert.Contains("not a cadence", unknown.Message);
        Assert.Contains("lost", closed.Message);
        Assert.Equal(3, other.Count);
        Assert.Equal(8, (await sequences.TimelineAsync(Rep, id)).Count);
        Assert.Empty(await sequences.TimelineAsync(Rep, lostId));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task MarkStepAsync_FollowsTheTransitionsAndKeepsSentAtOnReply(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (sequences, id) = await SetUpAsync(scope, "Acme Corp");
        var steps = await sequences.StartSequenceAsync(Rep, id, SalesCadences.Enterprise5Touch, Start);

        var sent = await sequences.MarkStepAsync(Rep, steps[0].Id, "sent");
        var replied = await sequences.MarkStepAsync(Rep, steps[0].Id, SequenceStepStatus.Replied, "  Interested, call me <b>Tuesday</b> ");
        await sequences.MarkStepAsync(Rep, steps[1].Id, SequenceStepStatus.Sent);
        var bounced = await sequences.MarkStepAsync(Rep, steps[1].Id, SequenceStepStatus.Bounced);
        var skipped = await sequences.MarkStepAsync(Rep, steps[2].Id, SequenceStepStatus.Skipped);
        var tooEarly = await Assert.ThrowsAsync<SequenceRuleException>(() => sequences.MarkStepAsync(Rep, steps[3].Id, SequenceStepStatus.Replied));
        var final = await Assert.ThrowsAsync<SequenceRuleException>(() => sequences.MarkStepAsync(Rep, steps[0].Id, SequenceStepStatus.Sent));
        var unknown = await Assert.ThrowsAsync<SequenceRuleException>(() => sequences.MarkStepAsync(Rep, steps[4].Id, "opened"));

        Assert.NotNull(sent.SentAt);
        Assert.Equal((SequenceStepStatus.Replied, sent.SentAt, "Interested, call me <b>Tuesday</b>"), (replied.Status, replied.SentAt, replied.Response));
        Assert.Equal(SequenceStepStatus.Bounced, bounced.Status);
        Assert.Equal((SequenceStepStatus.Skipped, (DateTime?)null), (skipped.Status, skipped.SentAt));
        Assert.Contains("from scheduled it can only become sent or skipped", tooEarly.Message);
        Assert.Contains("it is final", final.Message);
        Assert.Contains("not a step status", unknown.Message);

        var timeline = await sequences.TimelineAsync(Rep, id);
        Assert.Equal(["replied", "bounced", "skipped", "scheduled", "scheduled"], timeline.Select(s => s.Status));
        Assert.Equal(sent.SentAt, timeline[0].SentAt);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task MarkStepAsync_Reply_CountsInTheLeadScoresEngagement(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (sequences, id) = await SetUpAsync(scope, "Acme Corp");
        var scoring = scope.Services.CreateScope().ServiceProvider.GetRequiredService<LeadScoringService>();
        var steps = await sequences.StartSequenceAsync(Rep, id, SalesCadences.Enterprise5Touch, Start);
        await sequences.MarkStepAsync(Rep, steps[0].Id, SequenceStepStatus.Sent);
        var before = await scoring.RescoreAsync(Rep, id);

        await sequences.MarkStepAsync(Rep, steps[0].Id, SequenceStepStatus.Replied, "Yes");
        var after = await scoring.RescoreAsync(Rep, id);

        Assert.Equal(0m, before.Factors[LeadScoringModel.SequenceRepliesFactor]);
        Assert.InRange(after.Factors[LeadScoringModel.SequenceRepliesFactor], 5.9m, 6m);
        Assert.True(after.Engagement > before.Engagement);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task DueTodayAsync_ScheduledOnOrBeforeToday_PerOwnerOpenProspectsOnly(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (sequences, acme) = await SetUpAsync(scope, "Acme Corp", owner: "dana@x.test");
        var acquisition = Acquisition(scope);
        var beta = (await acquisition.CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Beta Bank", Owner = "marco@x.test" })).Id;
        var lost = (await acquisition.CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Lost Ltd", Owner = "dana@x.test" })).Id;
        var acmeSteps = await sequences.StartSequenceAsync(Rep, acme, SalesCadences.Enterprise5Touch, Start);
        await sequences.StartSequenceAsync(Rep, beta, SalesCadences.EventFollowUp, Start);
        await sequences.StartSequenceAsync(Rep, lost, SalesCadences.EventFollowUp, Start);
        await acquisition.MoveStageAsync(Rep, lost, ProspectStatus.Lost, "No fit");
        await sequences.MarkStepAsync(Rep, acmeSteps[1].Id, SequenceStepStatus.Sent);
        var today = Start.AddDays(5);

        var dana = await sequences.DueTodayAsync(Rep, " DANA@x.test ", today);
        var everyone = await sequences.DueTodayAsync(Rep, null, today);

        Assert.Equal([(1, 5), (3, 0)], dana.Select(d => (d.StepNumber, d.DaysOverdue)));
        Assert.All(dana, d => Assert.Equal(("Acme Corp", "dana@x.test"), (d.CompanyName, d.Owner)));
        Assert.Equal(["Acme Corp#1", "Beta Bank#1", "Beta Bank#2", "Acme Corp#3"], everyone.Select(d => $"{d.CompanyName}#{d.StepNumber}"));
        Assert.Empty(await sequences.DueTodayAsync(Rep, "dana@x.test", Start.AddDays(-1)));
    }

    [Fact]
    public async Task DueTodayAsync_LegacyTimestampForms_AreComparedAsInstants()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "SqliteOnly");
        // An epoch (Mar 4), a plain text time (Mar 5), and an offset time written on Mar 6 that is Mar 7 01:30 in UTC.
        await scope.ExecuteLegacyAsync("""
            INSERT INTO prospects (id, company_name, status, owner, created_at) VALUES (7, 'Legacy Co', 'engaged', 'Dana@X.test', '2025-10-08 14:03:22');
            INSERT INTO sales_sequences (prospect_id, sequence_name, step_number, channel, scheduled_at, status, created_at) VALUES
              (7, 'Old cadence', 1, 'email', 1772582400, 'scheduled', '2026-03-01 08:00:00'),
              (7, 'Old cadence', 2, 'call', '2026-03-05 10:00:00', 'scheduled', '2026-03-01 08:00:00'),
              (7, 'Old cadence', 3, 'email', '2026-03-06T23:30:00-02:00', 'scheduled', '2026-03-01 08:00:00');
            """);
        var sequences = scope.Services.CreateScope().ServiceProvider.GetRequiredService<SalesSequenceService>();

        var due = await sequences.DueTodayAsync(Rep, "dana@x.test", new DateOnly(2026, 3, 6));

        Assert.Equal([(1, 2), (2, 1)], due.Select(d => (d.StepNumber, d.DaysOverdue)));
        Assert.Equal([1, 2, 3], (await sequences.TimelineAsync(Rep, 7)).Select(s => s.StepNumber));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task EveryOperation_CustomerSuccessUser_IsDenied(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (sequences, id) = await SetUpAsync(scope, "Acme Corp");
        var steps = await sequences.StartSequenceAsync(Rep, id, SalesCadences.Enterprise5Touch, Start);

        await Assert.ThrowsAsync<AccessDeniedException>(() => sequences.StartSequenceAsync(TestUser.Csm, id, SalesCadences.EventFollowUp, Start));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sequences.MarkStepAsync(TestUser.Csm, steps[0].Id, SequenceStepStatus.Sent));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sequences.DueTodayAsync(TestUser.Csm, null, Start));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sequences.TimelineAsync(TestUser.Csm, id));

        var timeline = await sequences.TimelineAsync(Rep, id);
        Assert.Equal(5, timeline.Count);
        Assert.All(timeline, s => Assert.Equal(SequenceStepStatus.Scheduled, s.Status));
    }

    private static ProspectService Acquisition(StoreScope scope) =>
        scope.Services.CreateScope().ServiceProvider.GetRequiredService<ProspectService>();

    private static async Task<(SalesSequenceService Sequences, long ProspectId)> SetUpAsync(StoreScope scope, string company, string? owner = null)
    {
        var id = (await Acquisition(scope).CreateProspectAsync(Rep, new ProspectInput { CompanyName = company, Owner = owner })).Id;
        return (scope.Services.CreateScope().ServiceProvider.GetRequiredService<SalesSequenceService>(), id);
    }

    private static StoreKind StoreOf(string mode) => mode == "PostgresOnly" ? StoreKind.Postgres : StoreKind.Sqlite;
}
