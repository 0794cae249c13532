using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>PostgreSQL stopped for real while SQLite is primary: users' writes go on, the mirror's failures and the drift are recorded, and the reconciler heals everything once it is back.</summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task Postgres_stopped_in_DualWriteSqlitePrimary_writes_succeed_and_the_reconciler_heals_them()
    {
        await using var cluster = await StoppableCluster.StartAsync();
        using var legacy = new TempFolder();
        await LegacyStore.CreateAsync(legacy.Path);
        await using var services = TestServices.Create(cluster.ConnectionString, new Dictionary<string, string?>
        {
            ["Legacy:Directory"] = legacy.Path,
            ["Store:Mode"] = "DualWriteSqlitePrimary",
        });
        var router = services.GetRequiredService<IStoreRouter>();
        var log = services.GetRequiredService<MirrorLog>();
        var before = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            before.Add(await DualWriteKit.AddProspectAsync(router, $"Before outage {i}"));
        }

        Assert.Equal(0, log.Totals().Failures);

        await cluster.StopServerAsync();
        for (var i = 0; i < 10; i++)
        {
            await DualWriteKit.AddProspectAsync(router, $"During outage {i}");
        }

        await using (var db = await router.CreateContextAsync())
        {
            (await db.Prospects.SingleAsync(p => p.Id == before[0])).Notes = "edited while PostgreSQL was down";
            db.Prospects.Remove(await db.Prospects.SingleAsync(p => p.Id == before[1]));
            await db.SaveChangesAsync();
        }

        Assert.Equal(11, log.Totals().Failures);
        Assert.Equal(11, log.RecentFailures().Count);
        Assert.All(log.RecentFailures(), f => Assert.Equal(StoreKind.Postgres, f.Secondary));
        var reconcile = services.GetRequiredService<ReconcilerService>();
        var failed = await reconcile.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(failed?.Error);

        await cluster.StartServerAsync();
        ReconcileReport? healed = null;
        for (var attempt = 0; attempt < 3 && (healed is null || healed.Error is not null); attempt++)
        {
            // As the background service does every interval: a pooled connection the restart broke fails one pass.
            healed = await reconcile.RunOnceAsync(TestContext.Current.CancellationToken);
        }

        Assert.NotNull(healed);
        Assert.Null(healed.Error);
        var prospects = healed.Tables.Single(t => t.Table == "f500_prospects");
        Assert.Equal((10, 1, 1), (prospects.Missing, prospects.Different, prospects.Extra));
        Assert.Equal(12, healed.Repaired);
        Assert.Equal(12, log.Totals().DriftFound);

        var again = await reconcile.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, again!.Found);
        Assert.Equal(100m, again.ParityBeforePercent);
        await using var scopeless = await router.CreateBackgroundContextAsync(StoreKind.Postgres);
        var companies = await scopeless.Prospects.Select(p => p.CompanyName).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(12, companies.Count);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Contains($"During outage {i}", companies));
        Assert.Equal("edited while PostgreSQL was down", (await scopeless.Prospects.SingleAsync(p => p.Id == before[0], TestContext.Current.CancellationToken)).Notes);
        SqliteConnection.ClearAllPools();
    }
}
