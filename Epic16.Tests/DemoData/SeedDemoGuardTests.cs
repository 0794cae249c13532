using Epic16.Dashboard.Cli;
using Epic16.Domain.Auditing;
using Epic16.Domain.DemoData;
using Epic16.Domain.Security;
using Epic16.Tests.StoreMigration;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Epic16.Tests.DemoData;

/// <summary>`seed-demo --force` replaces the live legacy files only in Development and SqliteOnly, after a backup, audited.</summary>
public sealed class SeedDemoGuardTests(PostgresServer postgres, DemoDataFixture demo) : IClassFixture<DemoDataFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task SeedDemoForce_ProductionCli_ExitsOneAndLeavesFilesUnchanged()
    {
        var db = await postgres.CreateDatabaseAsync("seedguard", TestContext.Current.CancellationToken);
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        BackupFiles.Execute(LegacyStore(legacy), "DELETE FROM prospects WHERE id % 2 = 0;");
        var before = BackupFiles.Snapshot(legacy);

        // The CLI's environment is Production unless ASPNETCORE_ENVIRONMENT says otherwise (the test runner sets none).
        var result = await RunAsync("seed-demo", "--force", "--skip-crm", "--connection", db, "--legacy-dir", legacy);

        Assert.Equal(CliExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("refused", line);
        Assert.Contains("Development", line);
        Assert.Equal(before, BackupFiles.Snapshot(legacy));
        Assert.Contains(await AuditAsync(db, legacy), a => a.Action == "demo.seed.refused" && a.Actor.StartsWith("cli:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeedAsync_DevelopmentSqliteOnly_BacksUpReplacesAndAudits()
    {
        var db = await postgres.CreateDatabaseAsync("seedguard", TestContext.Current.CancellationToken);
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        BackupFiles.Execute(LegacyStore(legacy), "DELETE FROM prospects WHERE id % 2 = 0;");
        var halved = BackupFiles.Count(legacy, "prospects");

        var (report, backup) = await SeedingAsync(db, legacy, "SqliteOnly", "Development", s => s.SeedAsync(SystemUser.Cli, force: true, skipCrm: true));

        Assert.NotNull(backup);
        Assert.Equal(halved, LegacySql.Count(backup, "prospects"));
        Assert.Equal(report.Data.RowsPerTable["prospects"], BackupFiles.Count(legacy, "prospects"));
        Assert.True(halved < report.Data.RowsPerTable["prospects"]);
        var audit = await AuditAsync(db, legacy);
        Assert.Contains(audit, a => a.Action == "demo.seed" && a.Details!.Contains(backup, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "migration.backup");
    }

    [Theory]
    [InlineData("DualWriteSqlitePrimary", "Development", "store mode is DualWriteSqlitePrimary")]
    [InlineData("SqliteOnly", "Production", "environment is Production")]
    public async Task SeedAsync_ForceWhereNotAllowed_RefusedAndFilesUnchanged(string mode, string environment, string expected)
    {
        var db = await postgres.CreateDatabaseAsync("seedguard", TestContext.Current.CancellationToken);
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var before = BackupFiles.Snapshot(legacy);

        var e = await Assert.ThrowsAsync<DemoSeedRefusedException>(() =>
            SeedingAsync(db, legacy, mode, environment, s => s.SeedAsync(SystemUser.Cli, force: true, skipCrm: true)));

        Assert.Contains(expected, e.Message);
        Assert.Equal(before, BackupFiles.Snapshot(legacy));
    }

    [Fact]
    public async Task SeedAsync_NonAdmin_AccessDenied()
    {
        var db = await postgres.CreateDatabaseAsync("seedguard", TestContext.Current.CancellationToken);
        var legacy = _folder.Combine("empty");

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            SeedingAsync(db, legacy, "SqliteOnly", "Development", s => s.SeedAsync(new TestUser("test:sales", AppRoles.Sales), skipCrm: true)));
        Assert.False(Directory.Exists(legacy));
    }

    private async Task<T> SeedingAsync<T>(string db, string legacy, string mode, string environment, Func<DemoSeeding, Task<T>> act)
    {
        await using var services = TestServices.Create(db, Settings(legacy, mode));
        await using var scope = services.CreateAsyncScope();
        var seeding = ActivatorUtilities.CreateInstance<DemoSeeding>(scope.ServiceProvider, new HostingEnvironment { EnvironmentName = environment });
        return await act(seeding);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string db, string legacy)
    {
        await using var services = TestServices.Create(db, Settings(legacy, "SqliteOnly"));
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(ct: TestContext.Current.CancellationToken);
    }

    private Dictionary<string, string?> Settings(string legacy, string mode) => new()
    {
        ["Legacy:Directory"] = legacy,
        ["Backups:Directory"] = _folder.Combine("backups"),
        ["Store:Mode"] = mode,
    };

    private static string LegacyStore(string legacy) => Epic16.Domain.Persistence.Legacy.LegacyStore.Acquisition.PathIn(legacy);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
