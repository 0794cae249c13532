using Epic16.Domain.Auditing;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>
/// The cutover's final reconcile: from every mode, single-store ones included, only the keys changed since the full
/// catch-up, including the ones the catch-up could not repair.
/// </summary>
public sealed class CutoverChangedKeysTests(PostgresServer postgres)
{
    [Fact]
    public async Task From_dual_write_the_pause_compares_only_changed_keys_and_repairs_what_the_catch_up_left()
    {
        var ct = TestContext.Current.CancellationToken;
        // About the passes, not speed or error rates: the blocked mirror below is a PostgreSQL error the gate would count.
        await using var scope = await StoreScope.CreateAsync(postgres, settings: new Dictionary<string, string?>
        {
            ["Rollback:MaxP95Milliseconds"] = "10000",
            ["Rollback:MaxErrorRatePercent"] = "100",
        });
        await using var services = scope.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);
        await services.ServiceProvider.GetRequiredService<BackupService>().BackupAsync(ct);
        await DualWriteKit.ReconcileAsync(scope, StoreKind.Sqlite);

        var first = await cutover.MoveForwardAsync(SystemUser.Cli, StoreMode.DualWriteSqlitePrimary, "DualWriteSqlitePrimary", "start dual-write", ct: ct);
        Assert.Equal((ReconcilePass.Changed, 0L), (first.FinalReconcile!.Pass, first.FinalReconcile.ChangedKeys));

        await DualWriteKit.WriteGraphAsync(scope.Router);
        await IncrementalReconcileTests.BlockMirrorAsync(scope);
        var stuck = await DualWriteKit.AddProspectAsync(scope.Router, "Blocked Stuck", ct);
        Assert.Equal(1, scope.Services.GetRequiredService<MirrorLog>().Totals().Failures);

        // While writes are paused (step 2), after the catch-up: PostgreSQL takes the row again.
        ReconcileReport? catchUp = null;
        var progress = new SyncProgress<CutoverProgress>(p =>
        {
            if (p.Index == 2)
            {
                catchUp = scope.Services.GetRequiredService<Reconciler>().LastReport;
                IncrementalReconcileTests.UnblockMirrorAsync(scope).GetAwaiter().GetResult();
            }
        });
        var second = await cutover.MoveForwardAsync(SystemUser.Cli, StoreMode.DualWritePostgresPrimary, "DualWritePostgresPrimary", "PostgreSQL primary", progress, ct);

        Assert.Equal((ReconcilePass.Full, 1L, 0L), (catchUp!.Pass, catchUp.Found, catchUp.Repaired));
        var final = second.FinalReconcile!;
        Assert.Equal(ReconcilePass.Changed, final.Pass);
        Assert.Equal(1, final.ChangedKeys);
        Assert.Equal((1L, 1L), (final.Tables.Single(t => t.Table == "f500_prospects").Missing, final.Repaired));
        Assert.Equal(1, final.Tables.Sum(t => t.PrimaryRows + t.SecondaryRows));
        Assert.Equal(StoreMode.DualWritePostgresPrimary, scope.Router.Mode);
        Assert.Contains("Blocked Stuck", await DualWriteKit.CompaniesAsync(scope, StoreKind.Postgres));
        Assert.Equal(0, (await DualWriteKit.ReconcileAsync(scope, StoreKind.Postgres)).Found);
        Assert.True(stuck > 0);

        var audit = await services.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(10, ct);
        var forward = audit.Where(a => a.Action == "storemode.forward").ToList();
        Assert.Equal(2, forward.Count);
        Assert.Contains(forward, a => a.Details!.Contains("final reconcile Sqlite → Postgres (1 changed key(s)): 1 drifted, 1 repaired", StringComparison.Ordinal));
        Assert.Contains(forward, a => a.Details!.Contains("final reconcile Sqlite → Postgres (0 changed key(s)): 0 drifted", StringComparison.Ordinal));
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
