using System.Diagnostics;
using Epic16.Dashboard.Cli;
using Epic16.Domain.DemoData;
using Epic16.Tests.TestSupport;
using Npgsql;

namespace Epic16.Tests.StoreMigration;

/// <summary>
/// A migration interrupted in the middle of the big table's COPY, by SIGKILL of the process or by PostgreSQL dropping
/// the connection: the table keeps what it held, nothing half-copied shows, and a re-run completes at full parity.
/// </summary>
public sealed class MigrationFaultTests(PostgresServer postgres, BigLegacyFixture legacy) : IClassFixture<BigLegacyFixture>
{
    private const string BigTable = "abm_touchpoints";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Migrate_KilledDuringTheBigCopy_KeepsThePreviousRowsAndARerunCompletes()
    {
        var db = await postgres.CreateDatabaseAsync("mig_kill", TestContext.Current.CancellationToken);
        Assert.Equal(CliExitCodes.Quarantined, (await MigrationKit.MigrateAsync(db, legacy.Small)).ExitCode);
        var before = await IdsAsync(db);
        Assert.NotEmpty(before);

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Epic16.Dashboard.dll"), "migrate", "--legacy-dir", legacy.Big, "--connection", db },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using (var process = Process.Start(start)!)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            try
            {
                await MigrationKit.WaitForCopyAsync(db, BigTable, 3_000, () => process.HasExited, Patience);
            }
            finally
            {
                process.Kill(entireProcessTree: true); // SIGKILL on Linux: no catch, no finally, no rollback sent by the client.
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            Assert.NotEqual(0, process.ExitCode);
            _ = await output + await error;
        }

        // The dead client's transaction never committed: the table shows exactly what it held (the killed run's
        // TRUNCATE and its copied rows both invisible), or, had the commit won the race, the complete new content.
        var after = await IdsAsync(db);
        var complete = LegacySql.Count(legacy.Big, "touchpoints") - 1;
        Assert.True(after.SequenceEqual(before) || after.Count == complete, $"{BigTable} holds {after.Count} rows: neither the previous {before.Count} nor the complete {complete}");

        await RerunAndValidateAsync(db);
    }

    [Fact]
    public async Task Migrate_ConnectionCutDuringTheBigCopy_FailsNamingTheTableRollsItBackAndARerunCompletes()
    {
        var db = await postgres.CreateDatabaseAsync("mig_cut", TestContext.Current.CancellationToken);
        var source = MigrationKit.LegacyCounts(legacy.Big);

        var migrate = Task.Run(() => MigrationKit.MigrateAsync(db, legacy.Big), TestContext.Current.CancellationToken);
        await MigrationKit.WaitForCopyAsync(db, BigTable, 3_000, () => migrate.IsCompleted, Patience);
        var terminated = await MigrationKit.ScalarAsync<long>(db,
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'COPY %' AND state = 'active' AND datname = current_database() AND pid <> pg_backend_pid()) t");
        var run = await migrate;

        Assert.Equal(1, terminated);
        Assert.True(run.ExitCode == CliExitCodes.Failure, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", line);
        Assert.Contains(BigTable, line);
        Assert.Equal(BigTable, run.Json.GetProperty("failed_table").GetString());

        var counts = await MigrationKit.TargetCountsAsync(db);
        var order = MigrationKit.Tables.Select(t => t.LegacyName).ToList();
        var failedAt = order.IndexOf("touchpoints");
        foreach (var table in order.Take(failedAt))
        {
            Assert.True(counts[table] == source[table] - Broken(table), $"{table}: {counts[table]} of {source[table]} rows");
        }

        Assert.All(order.Skip(failedAt), table => Assert.True(counts[table] == 0, $"{table} holds {counts[table]} rows after the failed run"));
        Assert.DoesNotContain(await MigrationKit.QuarantineAsync(db), q => q.Table == "touchpoints");

        await RerunAndValidateAsync(db);
    }

    private async Task RerunAndValidateAsync(string db)
    {
        var rerun = await MigrationKit.MigrateAsync(db, legacy.Big);
        Assert.True(rerun.ExitCode is CliExitCodes.Quarantined or CliExitCodes.Ok, rerun.ToString());
        Assert.Equal(100m, rerun.Json.GetProperty("parity_percent").GetDecimal());
        var source = MigrationKit.LegacyCounts(legacy.Big);
        Assert.Equal(source.ToDictionary(s => s.Key, s => s.Value - Broken(s.Key)), await MigrationKit.TargetCountsAsync(db));
        Assert.All(await MigrationKit.DuplicateIdsAsync(db), d => Assert.True(d.Value == 0, $"{d.Key} has {d.Value} duplicate ids"));

        var validate = await MigrationKit.ValidateAsync(db, legacy.Big);
        Assert.True(validate.ExitCode == CliExitCodes.Ok, validate.ToString());
        Assert.Equal(100m, validate.Json.GetProperty("parity_percent").GetDecimal());
    }

    private static long Broken(string table) => DemoDataGenerator.BrokenRows.Count(b => b.Table == table);

    private static async Task<List<long>> IdsAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id FROM {BigTable} ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
