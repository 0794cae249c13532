using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Epic16.Domain.StoreMigration;

/// <summary>One table as both stores hold it right now.</summary>
public sealed record TableStatus(string LegacyTable, string TargetTable, long? SqliteRows, long PostgresRows, long QuarantinedRows);

/// <summary>Row counts on both stores and the open quarantine, for the migration page.</summary>
public sealed class MigrationStatus(StoreSettings settings, IDbContextFactory<PlatformContext> platform, QuarantineLog quarantineLog)
{
    /// <summary>Counts per table; SQLite counts are null (with the reason) when the legacy files cannot be read.</summary>
    public async Task<(IReadOnlyList<TableStatus> Tables, string? LegacyProblem)> TablesAsync(ICurrentUser user, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.RunMigration);
        var sqlite = new Dictionary<string, long>();
        string? problem = null;
        try
        {
            LegacyStore.EnsureReadable(settings.LegacyDirectory);
            await using var connection = await LegacyConnection.OpenAsync(settings.LegacyDirectory, ct: ct);
            foreach (var table in LegacyTables.All)
            {
                sqlite[table.LegacyName] = await CountAsync(connection, table.LegacyName, ct);
            }
        }
        catch (Exception e) when (e is StoreUnavailableException or SqliteException)
        {
            problem = e.Message;
        }

        var postgres = new Dictionary<string, long>();
        await using (var connection = new NpgsqlConnection(settings.PostgresConnectionString))
        {
            await connection.OpenAsync(ct);
            foreach (var table in LegacyTables.All)
            {
                await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table.TargetName}", connection);
                postgres[table.TargetName] = (long)(await command.ExecuteScalarAsync(ct))!;
            }
        }

        // Counted in the database: the quarantine list below is capped for display.
        var counts = await quarantineLog.OpenRowsPerTableAsync(ct);
        return (LegacyTables.All.Select(t => new TableStatus(
            t.LegacyName, t.TargetName, sqlite.TryGetValue(t.LegacyName, out var s) ? s : null,
            postgres[t.TargetName], counts.GetValueOrDefault(t.LegacyName))).ToList(), problem);
    }

    public async Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync(ICurrentUser user, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.RunMigration);
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.Quarantine.AsNoTracking().OrderBy(q => q.ResolvedAt != null).ThenBy(q => q.LegacyTable).ThenBy(q => q.LegacyId).Take(500).ToListAsync(ct);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
