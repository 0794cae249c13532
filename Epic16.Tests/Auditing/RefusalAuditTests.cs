using Epic16.Domain.Auditing;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.StoreMigration;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Auditing;

/// <summary>What did not happen is in the audit log too: a cutover asked for by the wrong role or refused by a gate, a failed migrate, CLI reconcile and scan.</summary>
public sealed class RefusalAuditTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Admin = new TestUser("admin@epic16.test", AppRoles.Admin);
    private static readonly ICurrentUser Sales = new TestUser("sales@epic16.test", AppRoles.Sales);

    [Fact]
    public async Task Cutover_DeniedOrRefusedByAGate_IsAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres);
        await using var services = scope.Services.CreateAsyncScope();
        var cutover = services.ServiceProvider.GetRequiredService<CutoverController>();
        await cutover.LoadModeAsync(ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => cutover.MoveForwardAsync(Sales, StoreMode.DualWriteSqlitePrimary, "DualWriteSqlitePrimary", "try", ct: ct));
        // No backup and no parity yet: red gates.
        await Assert.ThrowsAsync<CutoverRefusedException>(() => cutover.MoveForwardAsync(Admin, StoreMode.DualWriteSqlitePrimary, "DualWriteSqlitePrimary", "begin dual-write", ct: ct));

        var audit = await services.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(10, ct);
        var denied = Assert.Single(audit, a => a.Action == "storemode.denied");
        Assert.Equal((Sales.Name, "SqliteOnly → DualWriteSqlitePrimary"), (denied.Actor, denied.Target));
        var refused = Assert.Single(audit, a => a.Action == "storemode.refused");
        Assert.Equal((Admin.Name, "begin dual-write"), (refused.Actor, refused.Reason));
        Assert.Contains(CutoverGates.Backup, refused.Details);
        Assert.Equal(StoreMode.SqliteOnly, scope.Router.Mode);
    }

    [Fact]
    public async Task Migrate_LegacyFileMissing_FailureIsAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres);
        File.Delete(Path.Combine(scope.LegacyDirectory, LegacyStore.AbmFileName));
        await using var services = scope.Services.CreateAsyncScope();

        await Assert.ThrowsAnyAsync<Exception>(() => services.ServiceProvider.GetRequiredService<MigrationOperations>().MigrateAsync(Admin, ct: ct));

        var failed = Assert.Single(await services.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(10, ct), a => a.Action == "migration.migrate.failed");
        Assert.Equal(Admin.Name, failed.Actor);
        Assert.Contains(LegacyStore.AbmFileName, failed.Details);
    }

    [Fact]
    public async Task CliScanAndReconcile_AreAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres);

        var scan = await MigrationKit.CliAsync("scan", "--connection", scope.ConnectionString, "--legacy-dir", scope.LegacyDirectory);
        var reconcile = await MigrationKit.CliAsync("reconcile", "--connection", scope.ConnectionString, "--legacy-dir", scope.LegacyDirectory);

        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
        await using var services = scope.Services.CreateAsyncScope();
        var actions = (await services.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(10, ct)).Select(a => (a.Action, a.Actor)).ToList();
        Assert.Contains(("legacy.scan", SystemUser.Cli.Name), actions);
        Assert.Contains(("dualwrite.reconcile", SystemUser.Cli.Name), actions);
    }
}
