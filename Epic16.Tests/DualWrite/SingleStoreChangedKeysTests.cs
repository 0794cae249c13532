using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>
/// In a single-store mode nothing is mirrored, but every save still records its keys, so the final reconcile of a switch
/// out of SqliteOnly (forward) or PostgresOnly (rollback) compares only what changed since its catch-up; keys older than
/// the full-pass interval are pruned there, since only a switch reads them.
/// </summary>
public sealed class SingleStoreChangedKeysTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("SqliteOnly")]
    [InlineData("PostgresOnly")]
    public async Task A_save_in_a_single_store_mode_is_found_by_the_next_changed_pass(string mode)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var primary = StoreModeState.PrimaryOf(Enum.Parse<StoreMode>(mode));
        var other = StoreModeState.Other(primary);
        var reconciler = scope.Services.GetRequiredService<Reconciler>();
        var kept = await DualWriteKit.AddProspectAsync(scope.Router, "Kept Alike", ct);
        Assert.Equal(ReconcilePass.Full, (await reconciler.ReconcileAsync(SystemUser.Cli, primary, other, ct: ct)).Pass);

        // After the catch-up: one new row and one renamed, on the primary only (a single-store mode mirrors nothing).
        var added = await DualWriteKit.AddProspectAsync(scope.Router, "Added Later", ct);
        await using (var db = await scope.Router.CreateContextAsync())
        {
            (await db.Prospects.SingleAsync(p => p.Id == kept, ct)).CompanyName = "Renamed Later";
            await db.SaveChangesAsync(ct);
        }

        Assert.DoesNotContain("Added Later", await DualWriteKit.CompaniesAsync(scope, other));

        var changed = await reconciler.ReconcileChangedAsync(SystemUser.Cli, primary, other, ct: ct);

        Assert.Equal((ReconcilePass.Changed, 2L), (changed.Pass, changed.ChangedKeys));
        var prospects = changed.Tables.Single(t => t.Table == "f500_prospects");
        Assert.Equal((1L, 1L, 2L), (prospects.Missing, prospects.Different, prospects.Repaired));
        Assert.All(changed.Tables.Where(t => t.Table != "f500_prospects"), t => Assert.Equal(0, t.PrimaryRows + t.SecondaryRows));
        Assert.Equal(await DualWriteKit.CompaniesAsync(scope, primary), await DualWriteKit.CompaniesAsync(scope, other));
        Assert.True(added > kept);
        Assert.Equal(0, (await reconciler.ReconcileAsync(SystemUser.Cli, primary, other, ct: ct)).Found);
    }

    [Fact]
    public async Task The_rollback_out_of_postgres_only_compares_only_the_keys_changed_since_its_catch_up()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "PostgresOnly", settings: new Dictionary<string, string?>
        {
            ["Rollback:MaxP95Milliseconds"] = "10000",
        });
        await using var services = scope.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);
        await DualWriteKit.WriteGraphAsync(scope.Router);

        var back = await cutover.RollbackAsync(SystemUser.Cli, "drill: back to dual-write", ct: ct);

        Assert.Equal(StoreMode.DualWritePostgresPrimary, scope.Router.Mode);
        Assert.Equal((ReconcilePass.Changed, 0L, 0L), (back.FinalReconcile!.Pass, back.FinalReconcile.ChangedKeys, back.FinalReconcile.Found));
        Assert.Equal(await DualWriteKit.CountsAsync(scope, StoreKind.Postgres), await DualWriteKit.CountsAsync(scope, StoreKind.Sqlite));
    }

    [Fact]
    public async Task Keys_older_than_the_full_pass_interval_are_the_ones_pruned()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "SqliteOnly");
        await DualWriteKit.AddProspectAsync(scope.Router, "Old Key", ct);
        var watermarks = scope.Services.GetRequiredService<ReconcileWatermarks>();
        var platform = scope.Services.GetRequiredService<IDbContextFactory<PlatformContext>>();
        await using (var db = await platform.CreateDbContextAsync(ct))
        {
            await db.ChangedKeys.ExecuteUpdateAsync(k => k.SetProperty(x => x.RecordedAt, DateTime.UtcNow.AddHours(-2)), ct);
        }

        await DualWriteKit.AddProspectAsync(scope.Router, "New Key", ct);

        Assert.Equal(1, await watermarks.ForgetBeforeAsync(DateTime.UtcNow.AddHours(-1), ct));
        await using (var db = await platform.CreateDbContextAsync(ct))
        {
            Assert.Equal(1, await db.ChangedKeys.CountAsync(ct));
        }
    }
}
