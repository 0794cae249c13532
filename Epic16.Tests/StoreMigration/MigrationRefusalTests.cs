using System.Security.Cryptography;
using Epic16.Dashboard.Cli;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.StoreMigration;

/// <summary>A migration that must not start: one clear error, nothing written to PostgreSQL, the legacy files untouched.</summary>
public sealed class MigrationRefusalTests(PostgresServer postgres, SharedDatabase database) : IClassFixture<SharedDatabase>
{
    private const string Rows = """
        INSERT INTO prospects (id, company_name, status, created_at) VALUES (1, 'Good One', 'engaged', '2025-10-08 14:03:22');
        INSERT INTO campaigns (id, name, created_at) VALUES (1, 'C1', '2025-10-08 09:00:00');
        INSERT INTO touchpoints (id, campaign_id, prospect_id, channel) VALUES (1, 1, 1, 'carrier_pigeon'), (2, 1, 1, 'email');
        INSERT INTO clients (id, company_name, created_at) VALUES (1, 'Client One', '2025-10-08 09:00:00');
        """;

    [Theory]
    [InlineData("missing", LegacyStore.AbmFileName)]
    [InlineData("not SQLite", LegacyStore.OnboardingFileName)]
    [InlineData("locked", LegacyStore.AcquisitionFileName)]
    [InlineData("locked", LegacyStore.AbmFileName)]
    public async Task Migrate_UnusableLegacyFile_ExitsOneNamingItAndWritesNothing(string fault, string fileName)
    {
        var db = await database.GetAsync(postgres);
        using var folder = new TempFolder();
        await LegacyStore.CreateAsync(folder.Path);
        await MigrationKit.ExecuteLegacyAsync(folder.Path, Rows);
        var path = folder.Combine(fileName);
        switch (fault)
        {
            case "missing":
                File.Delete(path);
                break;
            case "not SQLite":
                await File.WriteAllTextAsync(path, "id,company_name\n1,Good One\n", TestContext.Current.CancellationToken);
                break;
        }

        var files = Snapshot(folder.Path);
        Assert.Equal(0L, await MigrationKit.DataRowsAsync(db));

        CliRun run;
        if (fault == "locked")
        {
            // Another process in the middle of a write: it holds the file's exclusive lock.
            using var writer = LegacySql.Open(path, Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite);
            using (var begin = writer.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                begin.ExecuteNonQuery();
            }

            run = await MigrationKit.MigrateAsync(db, folder.Path);
        }
        else
        {
            run = await MigrationKit.MigrateAsync(db, folder.Path);
        }

        Assert.True(run.ExitCode == CliExitCodes.Failure, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(fileName, line);
        Assert.Contains(fault == "not SQLite" ? "not a SQLite" : fault, line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        Assert.Equal(0L, await MigrationKit.DataRowsAsync(db));
        Assert.Equal(files, Snapshot(folder.Path));
    }

    [Fact]
    public async Task MigrateAndValidate_NotAnAdmin_AreDeniedAndNothingIsRecorded()
    {
        var db = await postgres.CreateDatabaseAsync("mig_denied", TestContext.Current.CancellationToken);
        using var folder = new TempFolder();
        await LegacyStore.CreateAsync(folder.Path);
        await MigrationKit.ExecuteLegacyAsync(folder.Path, Rows);
        await using var services = TestServices.Create(db, new Dictionary<string, string?> { [LegacyStore.SettingName] = folder.Path });
        await using var scope = services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<MigrationOperations>();
        var sales = new TestUser("sales@epic16.test", AppRoles.Sales, AppRoles.Executive, AppRoles.CustomerSuccess);

        await Assert.ThrowsAsync<AccessDeniedException>(() => operations.MigrateAsync(sales));
        await Assert.ThrowsAsync<AccessDeniedException>(() => operations.ValidateAsync(sales));

        Assert.Equal(0L, await MigrationKit.DataRowsAsync(db));
        Assert.Equal(0L, await MigrationKit.ScalarAsync<long>(db, "SELECT (SELECT count(*) FROM migration_runs) + (SELECT count(*) FROM migration_parity_runs) + (SELECT count(*) FROM audit_log)"));

        // The same calls by an admin do run and are recorded: the refusal above was the role, not the setup.
        var admin = new TestUser("admin@epic16.test", AppRoles.Admin);
        var report = await operations.MigrateAsync(admin);
        Assert.Equal((4L, 1L), (report.MigratedRows, report.QuarantinedRows));
        Assert.Equal(1L, await MigrationKit.ScalarAsync<long>(db, "SELECT count(*) FROM migration_runs"));
    }

    /// <summary>Every file in the folder (journals included) with a hash of its bytes.</summary>
    private static List<(string, string)> Snapshot(string directory) =>
        [.. Directory.GetFiles(directory).Order().Select(f => (Path.GetFileName(f), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))))];
}
