using System.Globalization;
using System.Text.Json;
using Epic16.Dashboard.Cli;
using Epic16.Domain.Persistence;
using Epic16.Tests.TestSupport;
using Npgsql;

namespace Epic16.Tests.StoreMigration;

/// <summary>What one in-process CLI run printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}

/// <summary>A row of migration_quarantine, read with SQL so the tests depend on the table, not on the entity.</summary>
public sealed record Quarantined(string Table, long Id, string Column, string? RawValue, string Reason);

/// <summary>One database for all the tests of a class, created on first use.</summary>
public sealed class SharedDatabase : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _connectionString;

    public async Task<string> GetAsync(PostgresServer postgres)
    {
        await _lock.WaitAsync();
        try
        {
            return _connectionString ??= await postgres.CreateDatabaseAsync("mig_shared");
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>Shared steps of the migration tests: the CLI verbs in-process, and plain SQL on both stores.</summary>
internal static class MigrationKit
{
    public static IEnumerable<LegacyTable> Tables => LegacyTables.All;

    public static async Task<CliRun> CliAsync(params string[] args)
    {
        await using var output = new StringWriter(CultureInfo.InvariantCulture);
        await using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static Task<CliRun> MigrateAsync(string connectionString, string legacyDirectory) =>
        CliAsync("migrate", "--json", "--connection", connectionString, "--legacy-dir", legacyDirectory);

    public static Task<CliRun> ValidateAsync(string connectionString, string legacyDirectory) =>
        CliAsync("validate", "--json", "--connection", connectionString, "--legacy-dir", legacyDirectory);

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Row count of every target table, by legacy name.</summary>
    public static async Task<Dictionary<string, long>> TargetCountsAsync(string connectionString)
    {
        var sql = string.Join(" UNION ALL ", Tables.Select(t => $"SELECT '{t.LegacyName}', count(*) FROM {t.TargetName}"));
        return await PairsAsync(connectionString, sql);
    }

    /// <summary>Rows whose id appears more than once, per target table (all zero when the primary keys hold).</summary>
    public static async Task<Dictionary<string, long>> DuplicateIdsAsync(string connectionString)
    {
        var sql = string.Join(" UNION ALL ", Tables.Select(t => $"SELECT '{t.LegacyName}', count(*) - count(DISTINCT id) FROM {t.TargetName}"));
        return await PairsAsync(connectionString, sql);
    }

    /// <summary>Raw SQL on the legacy files (all three attached), as the legacy application wrote.</summary>
    public static async Task ExecuteLegacyAsync(string legacyDirectory, string sql)
    {
        await using var connection = await LegacyConnection.OpenAsync(legacyDirectory, readOnly: false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static Dictionary<string, long> LegacyCounts(string legacyDirectory) =>
        Tables.ToDictionary(t => t.LegacyName, t => LegacySql.Count(legacyDirectory, t.LegacyName));

    public static long LegacyMaxId(string legacyDirectory, string table) =>
        Convert.ToInt64(LegacySql.Scalar(legacyDirectory, table, $"SELECT coalesce(max(id), 0) FROM {table}"), CultureInfo.InvariantCulture);

    public static async Task<List<Quarantined>> QuarantineAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT legacy_table, legacy_id, column_name, raw_value, reason FROM migration_quarantine WHERE resolved_at IS NULL ORDER BY legacy_table, legacy_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Quarantined>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Quarantined(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    /// <summary>Rows in every Epic 16 target table plus the quarantine: what a refused run must leave at zero.</summary>
    public static async Task<long> DataRowsAsync(string connectionString) =>
        (await TargetCountsAsync(connectionString)).Values.Sum() + await ScalarAsync<long>(connectionString, "SELECT count(*) FROM migration_quarantine");

    /// <summary>Rows the server has taken in so far in a running COPY into <paramref name="targetTable"/>, or null when none runs.</summary>
    public static async Task<long?> CopyProgressAsync(NpgsqlConnection observer, string targetTable)
    {
        await using var command = new NpgsqlCommand(
            "SELECT p.tuples_processed FROM pg_stat_progress_copy p JOIN pg_class c ON c.oid = p.relid WHERE p.datname = current_database() AND c.relname = @t", observer);
        command.Parameters.AddWithValue("t", targetTable);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Polls until the COPY into <paramref name="targetTable"/> has taken in at least <paramref name="rows"/> rows.</summary>
    public static async Task WaitForCopyAsync(string connectionString, string targetTable, long rows, Func<bool> givenUp, TimeSpan timeout)
    {
        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await CopyProgressAsync(observer, targetTable) >= rows)
            {
                return;
            }

            Assert.False(givenUp(), $"the migration ended before the COPY into {targetTable} reached {rows} rows");
            await Task.Delay(10);
        }

        Assert.Fail($"no COPY into {targetTable} reached {rows} rows within {timeout}");
    }

    private static async Task<Dictionary<string, long>> PairsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }
}
