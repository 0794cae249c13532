using Epic16.Domain.Auditing;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>The watch gathers the triggers' figures from the running stores, and rolls back by itself only when told to.</summary>
public sealed class RollbackTriggerWatchTests(PostgresServer postgres)
{
    // A p95 limit no real command meets: the latency trigger trips as soon as PostgreSQL has served a query.
    private static Dictionary<string, string?> Settings(bool automatic) => new()
    {
        ["Rollback:MaxP95Milliseconds"] = "0",
        ["Rollback:Automatic"] = automatic ? "true" : "false",
    };

    [Theory]
    [InlineData(false, StoreMode.DualWritePostgresPrimary)]
    [InlineData(true, StoreMode.DualWriteSqlitePrimary)]
    public async Task A_tripped_trigger_in_a_postgres_primary_mode_rolls_back_only_when_automatic(bool automatic, StoreMode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, nameof(StoreMode.DualWritePostgresPrimary), settings: Settings(automatic));
        var id = await DualWriteKit.AddProspectAsync(scope.Router, "Trigger Corp");
        var watch = scope.Services.GetRequiredService<RollbackTriggerWatch>();

        var report = await watch.EvaluateNowAsync(ct);

        Assert.Contains(RollbackTriggerRules.Latency, report.Tripped.Select(t => t.Key));
        Assert.Same(report, watch.Latest);
        Assert.Equal(expected, scope.Services.GetRequiredService<StoreModeState>().Mode);
        await using var services = scope.Services.CreateAsyncScope();
        var audit = await services.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(10, ct);
        Assert.Equal(automatic, audit.Any(a => a.Actor == RollbackTriggerWatch.Actor.Name && a.Reason!.StartsWith("Automatic rollback: p95 latency", StringComparison.Ordinal)));
        if (automatic)
        {
            await using var sqlite = await scope.ContextAsync(StoreKind.Sqlite);
            Assert.Equal("Trigger Corp", (await sqlite.Prospects.SingleAsync(p => p.Id == id, ct)).CompanyName);
        }
    }

    [Fact]
    public async Task Rows_only_sqlite_holds_while_postgres_is_primary_trip_the_missing_rows_trigger()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, nameof(StoreMode.DualWritePostgresPrimary));
        await using (var sqlite = await scope.Router.CreateBackgroundContextAsync(StoreKind.Sqlite, ct))
        {
            sqlite.Prospects.Add(SampleEntities.Prospect("Only In SQLite"));
            await sqlite.SaveChangesAsync(ct);
        }

        await scope.Services.GetRequiredService<Reconciler>().ReconcileAsync(Epic16.Domain.Security.SystemUser.Cli, StoreKind.Postgres, StoreKind.Sqlite, ct: ct);
        var report = await scope.Services.GetRequiredService<RollbackTriggerWatch>().EvaluateNowAsync(ct);

        var missing = Assert.Single(report.Tripped);
        Assert.Equal(RollbackTriggerRules.MissingRows, missing.Key);
        Assert.StartsWith("1 missing (reconcile at", missing.Figure, StringComparison.Ordinal);
    }
}
