using Epic16.Domain.Auditing;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.DemoData;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.StoreMigration;

public sealed class BackupOperationsTests(PostgresServer postgres, DemoDataFixture demo) : IClassFixture<DemoDataFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task BackupAsync_Admin_RecordsOkRunWithManifestAndAudits()
    {
        await using var services = await ServicesAsync();
        await using var scope = services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<MigrationOperations>();

        var result = await operations.BackupAsync(SystemUser.Cli, TestContext.Current.CancellationToken);

        var run = Assert.Single(await operations.RecentRunsAsync(SystemUser.Cli, ct: TestContext.Current.CancellationToken));
        Assert.Equal(("backup", "ok", SystemUser.Cli.Name), (run.Kind, run.Outcome, run.Actor));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(result.Manifest.TotalRows, run.SourceRows);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(result.Manifest.ToJson()), System.Text.Json.Nodes.JsonNode.Parse(run.Report!)));
        var audit = Assert.Single(await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(ct: TestContext.Current.CancellationToken));
        Assert.Equal(("migration.backup", result.Directory), (audit.Action, audit.Target));
        var listed = Assert.Single(await operations.ListBackupsAsync(SystemUser.Cli, ct: TestContext.Current.CancellationToken));
        Assert.True(listed.Verified);
    }

    [Fact]
    public async Task RestoreAsync_TamperedBackup_RecordsFailedRunAuditsAndRethrows()
    {
        await using var services = await ServicesAsync();
        await using var scope = services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<MigrationOperations>();
        var backup = await operations.BackupAsync(SystemUser.Cli, TestContext.Current.CancellationToken);
        File.Delete(Path.Combine(backup.Directory, LegacyStore.AcquisitionFileName));

        await Assert.ThrowsAsync<BackupException>(() => operations.RestoreAsync(SystemUser.Cli, backup.Directory, TestContext.Current.CancellationToken));

        var run = (await operations.RecentRunsAsync(SystemUser.Cli, ct: TestContext.Current.CancellationToken))[0];
        Assert.Equal(("restore", "failed"), (run.Kind, run.Outcome));
        Assert.Contains(LegacyStore.AcquisitionFileName, run.Error);
        var audit = (await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(ct: TestContext.Current.CancellationToken))[0];
        Assert.Equal("migration.restore", audit.Action);
        Assert.StartsWith("failed", audit.Details);
    }

    [Fact]
    public async Task RestoreAsync_Admin_RecordsOkRunAndAuditsTheSafetyCopy()
    {
        await using var services = await ServicesAsync();
        await using var scope = services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<MigrationOperations>();
        var backup = await operations.BackupAsync(SystemUser.Cli, TestContext.Current.CancellationToken);

        var result = await operations.RestoreAsync(SystemUser.Cli, backup.Directory, TestContext.Current.CancellationToken);

        var run = (await operations.RecentRunsAsync(SystemUser.Cli, ct: TestContext.Current.CancellationToken))[0];
        Assert.Equal(("restore", "ok"), (run.Kind, run.Outcome));
        Assert.Equal(backup.Manifest.Files.Select(f => f.Sha256), BackupManifest.Parse(run.Report!).Files.Select(f => f.Sha256));
        var audit = (await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(ct: TestContext.Current.CancellationToken))[0];
        Assert.Equal(("migration.restore", backup.Directory), (audit.Action, audit.Target));
        Assert.Contains(result.SafetyCopy!, audit.Details);
    }

    [Fact]
    public async Task BackupRestoreList_NonAdmin_AccessDeniedAndNothingWrittenOrRecorded()
    {
        await using var services = await ServicesAsync();
        await using var scope = services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<MigrationOperations>();
        var sales = new TestUser("sales@epic16.test", AppRoles.Sales);
        var live = BackupFiles.Snapshot(_folder.Combine("legacy"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => operations.BackupAsync(sales, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<AccessDeniedException>(() => operations.RestoreAsync(sales, _folder.Path, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<AccessDeniedException>(() => operations.ListBackupsAsync(sales, ct: TestContext.Current.CancellationToken));

        Assert.False(Directory.Exists(_folder.Combine("backups")));
        Assert.Equal(live, BackupFiles.Snapshot(_folder.Combine("legacy")));
        Assert.Empty(await operations.RecentRunsAsync(SystemUser.Cli, ct: TestContext.Current.CancellationToken));
    }

    private async Task<ServiceProvider> ServicesAsync()
    {
        var db = await postgres.CreateDatabaseAsync("backup", TestContext.Current.CancellationToken);
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        return TestServices.Create(db, new Dictionary<string, string?>
        {
            ["Legacy:Directory"] = legacy,
            ["Backups:Directory"] = _folder.Combine("backups"),
        });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
