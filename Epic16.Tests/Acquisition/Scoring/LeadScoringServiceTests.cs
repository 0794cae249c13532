using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Tests.Acquisition.Scoring;

/// <summary>Rescoring through the store the mode picks: snapshots appended, the pipeline updated, the same score on either store.</summary>
public sealed class LeadScoringServiceTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2025, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ICurrentUser Seller = new TestUser("sales@epic16.demo", AppRoles.Sales);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task RescoreAsync_SeededProspect_AppendsSnapshotsAndUpdatesProspect(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var id = await SeedAsync(scope);
        var clock = new ManualClock(Now);
        var scoring = new LeadScoringService(scope.Router, clock);

        // Fit 28.77 (rank 42, $1.2 B, Insurance, 55,000 staff) + intent 17 (pains 6 units → 12, Snowflake → 5)
        // + engagement 9 (reply 30 days old → 3, meeting today → 6) = 54.77.
        var first = await scoring.RescoreAsync(Seller, id, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromDays(30));

        // Thirty days on, engagement has halved: 1.5 + 3 = 4.5 → 50.27.
        var second = await scoring.RescoreAsync(Seller, id, TestContext.Current.CancellationToken);

        Assert.Equal(54.77m, first.Score);
        Assert.Equal(50.27m, second.Score);
        var history = await scoring.HistoryAsync(SystemUser.Cli, id, TestContext.Current.CancellationToken);
        Assert.Equal([54.77m, 50.27m], history.Select(h => h.Score));
        Assert.Equal([Now.UtcDateTime, Now.UtcDateTime.AddDays(30)], history.Select(h => h.ScoredAt));
        Assert.All(history, h => Assert.Equal("lead-v1", h.ModelVersion));
        Assert.Equal(second.Factors.OrderBy(f => f.Key), history[1].Factors.OrderBy(f => f.Key));
        Assert.Equal((28.77m, 17m, 4.5m), (history[1].Fit, history[1].Intent, history[1].Engagement));

        await using var db = await scope.Router.CreateContextAsync(TestContext.Current.CancellationToken);
        var prospect = await db.Prospects.SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(50.27m, prospect.LeadScore);
        Assert.Equal(Now.UtcDateTime.AddDays(30), prospect.UpdatedAt);
    }

    [Fact]
    public async Task RescoreAsync_SameSeedOnEachStore_GivesTheSameScoreAndFactors()
    {
        await using var sqlite = await StoreScope.CreateAsync(postgres, "SqliteOnly");
        await using var pg = await StoreScope.CreateAsync(postgres, "PostgresOnly");
        var onSqlite = await new LeadScoringService(sqlite.Router, new ManualClock(Now)).RescoreAsync(Seller, await SeedAsync(sqlite), TestContext.Current.CancellationToken);
        var onPostgres = await new LeadScoringService(pg.Router, new ManualClock(Now)).RescoreAsync(Seller, await SeedAsync(pg), TestContext.Current.CancellationToken);

        Assert.Equal(onSqlite.Score, onPostgres.Score);
        Assert.Equal(onSqlite.Factors.OrderBy(f => f.Key), onPostgres.Factors.OrderBy(f => f.Key));
        Assert.True(onSqlite.Factors["sequence_replies"] > 0 && onSqlite.Factors["abm_engagement"] > 0, "the seed must exercise engagement on both stores");
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task RescoreAllAsync_MoreThanOneBatch_ScoresEveryProspectAndReportsProgress(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        await using (var db = await scope.Router.CreateContextAsync(TestContext.Current.CancellationToken))
        {
            db.Prospects.AddRange(Enumerable.Range(1, LeadScoringService.BatchSize + 1).Select(i => new Prospect
            {
                CompanyName = $"Company {i}", FortuneRank = i, Industry = "Banking", CreatedAt = Now.UtcDateTime.AddDays(-100),
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var progress = new Recorder();
        var count = await new LeadScoringService(scope.Router, new ManualClock(Now)).RescoreAllAsync(Seller, progress, TestContext.Current.CancellationToken);

        Assert.Equal(LeadScoringService.BatchSize + 1, count);
        Assert.Equal([LeadScoringService.BatchSize, LeadScoringService.BatchSize + 1], progress.Reports);
        await using var check = await scope.Router.CreateContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(count, await check.LeadScores.CountAsync(TestContext.Current.CancellationToken));
        var top = await check.Prospects.SingleAsync(p => p.FortuneRank == 1, TestContext.Current.CancellationToken);
        Assert.Equal(23m, top.LeadScore); // rank 1 → 15 + Banking → 8.
        Assert.Equal(0, await check.Prospects.CountAsync(p => p.LeadScore == null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task RescoreAsync_NotSalesCaller_IsRefusedAndWritesNothing(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var id = await SeedAsync(scope);
        var scoring = new LeadScoringService(scope.Router, new ManualClock(Now));
        var success = new TestUser("cs@epic16.demo", AppRoles.CustomerSuccess, AppRoles.Executive);

        await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.RescoreAsync(success, id, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.RescoreAllAsync(success, null, TestContext.Current.CancellationToken));

        Assert.Empty(await scoring.HistoryAsync(SystemUser.Cli, id, TestContext.Current.CancellationToken));
        await using var db = await scope.Router.CreateContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(87.35m, (await db.Prospects.SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken)).LeadScore);
    }

    [Fact]
    public async Task AddEpic16Domain_LeadScoring_IsRegistered()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        using var services = scope.Services.CreateScope();

        Assert.NotNull(services.ServiceProvider.GetService<LeadScoringService>());
    }

    /// <summary>The sample insurer plus a reply 30 days old, an unsent step, and a meeting today in a campaign.</summary>
    private static async Task<long> SeedAsync(StoreScope scope)
    {
        await using var db = await scope.Router.CreateContextAsync(TestContext.Current.CancellationToken);
        var prospect = SampleEntities.Prospect();
        prospect.TechStack = ["Snowflake"];
        db.Prospects.Add(prospect);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var replied = SampleEntities.SequenceStep(prospect.Id);
        replied.StepNumber = 1;
        replied.Status = SequenceStepStatus.Replied;
        replied.SentAt = Now.UtcDateTime.AddDays(-30);
        var campaign = SampleEntities.Campaign(prospect.Id);
        db.AddRange(replied, SampleEntities.SequenceStep(prospect.Id), campaign);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var meeting = SampleEntities.Touchpoint(campaign.Id, prospect.Id, null);
        meeting.Status = "meeting";
        meeting.ExecutedAt = Now.UtcDateTime;
        db.Touchpoints.Add(meeting);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return prospect.Id;
    }

    /// <summary>Records reports as they are made (<see cref="Progress{T}"/> would post them later, on the thread pool).</summary>
    private sealed class Recorder : IProgress<int>
    {
        public List<int> Reports { get; } = [];

        public void Report(int value) => Reports.Add(value);
    }
}
