using Epic16.Dashboard.Cli;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.StoreMigration;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.DualWrite;

/// <summary>`mode` and `rollback` at the CLI: honest exit codes, gates printed when refused, every switch persisted.</summary>
public sealed class ModeCliTests(PostgresServer postgres)
{
    [Fact]
    public async Task Mode_set_is_refused_with_red_gates_then_moves_forward_and_rollback_moves_back()
    {
        using var legacy = new TempFolder();
        await LegacyStore.CreateAsync(legacy.Path);
        var connection = await postgres.CreateDatabaseAsync("mode_cli");
        string[] Global(params string[] args) => [.. args, "--connection", connection, "--legacy-dir", legacy.Path];
        var backups = legacy.Combine("backups");

        var shown = await MigrationKit.CliAsync(Global("mode", "show", "--json"));
        Assert.Equal(CliExitCodes.Ok, shown.ExitCode);
        Assert.Equal("SqliteOnly", shown.Json.GetProperty("mode").GetString());
        Assert.Equal("DualWriteSqlitePrimary", shown.Json.GetProperty("next").GetString());

        var skip = await MigrationKit.CliAsync(Global("mode", "set", "PostgresOnly", "--reason", "skip ahead"));
        Assert.Equal(CliExitCodes.Failure, skip.ExitCode);
        Assert.Contains("the next mode is DualWriteSqlitePrimary", skip.Error);

        var refused = await MigrationKit.CliAsync(Global("mode", "set", "DualWriteSqlitePrimary", "--reason", "begin dual-write", "--backup-dir", backups));
        Assert.Equal(CliExitCodes.GatesRed, refused.ExitCode);
        Assert.Contains("RED  Backup younger than an hour", refused.Output);
        Assert.Contains("RED  Parity 100 %", refused.Output);

        Assert.Equal(CliExitCodes.Ok, (await MigrationKit.CliAsync(Global("backup", "--backup-dir", backups))).ExitCode);
        Assert.Equal(CliExitCodes.Ok, (await MigrationKit.CliAsync(Global("validate", "--json"))).ExitCode);
        var moved = await MigrationKit.CliAsync(Global("mode", "set", "DualWriteSqlitePrimary", "--reason", "begin dual-write", "--backup-dir", backups, "--json"));
        Assert.True(moved.ExitCode == CliExitCodes.Ok, moved.ToString());
        Assert.Equal("DualWriteSqlitePrimary", moved.Json.GetProperty("to").GetString());
        Assert.True(moved.Json.GetProperty("pause_ms").GetInt64() >= 0);

        var back = await MigrationKit.CliAsync(Global("rollback", "--reason", "Epic 7 check", "--json"));
        Assert.True(back.ExitCode == CliExitCodes.Ok, back.ToString());
        Assert.Equal("SqliteOnly", back.Json.GetProperty("to").GetString());

        var finalMode = await MigrationKit.CliAsync(Global("mode"));
        Assert.Equal(CliExitCodes.Ok, finalMode.ExitCode);
        Assert.StartsWith("mode SqliteOnly", finalMode.Output);
        Assert.Contains("Epic 7 check", finalMode.Output);
        Assert.Equal(3, await MigrationKit.ScalarAsync<long>(connection, "SELECT count(*) FROM migration_store_modes"));
        // The refused attempt (red gates), the switch and the rollback.
        Assert.Equal(3, await MigrationKit.ScalarAsync<long>(connection, "SELECT count(*) FROM audit_log WHERE action LIKE 'storemode.%'"));
        Assert.Equal(1, await MigrationKit.ScalarAsync<long>(connection, "SELECT count(*) FROM audit_log WHERE action = 'storemode.refused'"));

        var firstRollback = await MigrationKit.CliAsync(Global("rollback", "--reason", "nothing before"));
        Assert.Equal(CliExitCodes.Failure, firstRollback.ExitCode);
        Assert.Contains("SqliteOnly is the first mode", firstRollback.Error);
    }

    [Fact]
    public async Task Mode_help_names_the_exit_codes()
    {
        var help = await MigrationKit.CliAsync("mode", "set", "--help");
        Assert.Equal(CliExitCodes.Ok, help.ExitCode);
        Assert.Contains($"{CliExitCodes.GatesRed}: refused, a gate is red", help.Output);
        Assert.Contains("--reason", help.Output);
    }
}
