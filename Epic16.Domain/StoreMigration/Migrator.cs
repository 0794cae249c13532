using System.Diagnostics;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// The bulk copy SQLite → PostgreSQL. For each table in foreign-key order: stream the legacy rows through
/// <see cref="LegacyRowReader"/> into Npgsql's binary COPY inside one transaction that first empties the table
/// (foreign keys deferred, ids kept), so a re-run reloads it whole and a killed run leaves it as before or complete.
/// Unreadable rows go to the quarantine; the identity sequence is set past the largest id on either side.
/// </summary>
public sealed class Migrator(StoreSettings settings, QuarantineLog quarantine)
{
    private const int ProgressEvery = 5_000;

    internal async Task<MigrationReport> MigrateAsync(IReadOnlyCollection<string>? onlyTables = null, IProgress<TableProgress>? progress = null, CancellationToken ct = default)
    {
        LegacyStore.EnsureReadable(settings.LegacyDirectory);
        var tables = Select(onlyTables);
        var results = new List<TableMigration>();
        await using var sqlite = await LegacyConnection.OpenAsync(settings.LegacyDirectory, ct: ct);
        // No command timeout: a large table's COPY and the index builds and key checks before its commit take as long as they take.
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(settings.PostgresConnectionString) { CommandTimeout = 0 }.ConnectionString);
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            try
            {
                results.Add(await MigrateTableAsync(sqlite, dataSource, table, i, tables.Count, progress, ct));
            }
            catch (Exception e) when (e is NpgsqlException or SqliteException or InvalidOperationException or IOException && !ct.IsCancellationRequested)
            {
                return new MigrationReport(results, Parity(results), table.TargetName,
                    $"{table.TargetName} was rolled back: {e.Message.Split('\n')[0]}");
            }
        }

        return new MigrationReport(results, Parity(results));
    }

    public static IReadOnlyList<LegacyTable> Select(IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return LegacyTables.All;
        }

        var unknown = names.Where(n => LegacyTables.ByName(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown table {string.Join(", ", unknown)}: use the legacy or target names ({string.Join(", ", LegacyTables.All.Select(t => t.LegacyName))}).");
        }

        var wanted = names.Select(n => LegacyTables.ByName(n)!).ToHashSet();
        return LegacyTables.All.Where(wanted.Contains).ToList();
    }

    private async Task<TableMigration> MigrateTableAsync(SqliteConnection sqlite, NpgsqlDataSource postgres, LegacyTable table, int index, int count, IProgress<TableProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var total = await ScalarAsync(sqlite, $"SELECT count(*) FROM {table.LegacyName}", ct);
        progress?.Report(new TableProgress(table.LegacyName, index, count, 0, total, 0, clock.Elapsed));

        await using var connection = await postgres.OpenConnectionAsync(ct);
        var reader = new LegacyRowReader(table, await ParentIdsAsync(connection, table, ct));
        var copy = new PostgresCopy(table);
        var rejected = new List<(string, long, Rejection)>();
        long read = 0, migrated, quarantinedRows = 0, maxLegacyId = 0;

        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await ExecuteAsync(connection, "SET CONSTRAINTS ALL DEFERRED", ct);
            var window = await LoadWindow.OpenAsync(connection, table.TargetName, ct);
            await ExecuteAsync(connection, copy.EmptyTableSql(), ct);
            await using (var importer = await connection.BeginBinaryImportAsync(copy.CopySql(), ct))
            {
                await foreach (var row in reader.ReadAheadAsync(sqlite, ct))
                {
                    read++;
                    maxLegacyId = Math.Max(maxLegacyId, row.Id);
                    if (row.Ok)
                    {
                        copy.WriteRow(importer, row);
                    }
                    else
                    {
                        quarantinedRows++;
                        rejected.AddRange(row.Rejections.Select(r => (table.LegacyName, row.Id, r)));
                    }

                    if (read % ProgressEvery == 0)
                    {
                        progress?.Report(new TableProgress(table.LegacyName, index, count, read, total, quarantinedRows, clock.Elapsed));
                    }
                }

                await importer.CompleteAsync(ct);
            }

            if (IsReferenced(table))
            {
                await RemoveOrphanedDescendantsAsync(connection, table, ct);
            }

            // Run the deferred checks of those deletions now: ALTER TABLE refuses a table with pending trigger events.
            await ExecuteAsync(connection, "SET CONSTRAINTS ALL IMMEDIATE", ct);
            await window.CloseAsync(connection, ct);

            await ExecuteAsync(connection, copy.SetSequenceSql(maxLegacyId), ct);
            await transaction.CommitAsync(ct);
        }

        // What arrived, counted by PostgreSQL itself after the commit.
        await using (var counter = new NpgsqlCommand($"SELECT count(*) FROM {table.TargetName}", connection))
        {
            migrated = (long)(await counter.ExecuteScalarAsync(ct))!;
        }

        await quarantine.RecordAsync([table.LegacyName], rejected, ct);
        progress?.Report(new TableProgress(table.LegacyName, index, count, read, total, quarantinedRows, clock.Elapsed));
        return new TableMigration(table.LegacyName, table.TargetName, read, migrated, quarantinedRows, clock.ElapsedMilliseconds);
    }

    /// <summary>Children are checked against what their parents hold in PostgreSQL: that is what the foreign keys enforce.</summary>
    private static async Task<Dictionary<Type, HashSet<long>>> ParentIdsAsync(NpgsqlConnection connection, LegacyTable table, CancellationToken ct)
    {
        var result = new Dictionary<Type, HashSet<long>>();
        foreach (var parent in table.Postgres.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Distinct())
        {
            var ids = new HashSet<long>();
            await using var command = new NpgsqlCommand($"SELECT id FROM {parent.GetTableName()}", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }

            result[parent.ClrType] = ids;
        }

        return result;
    }

    /// <summary>
    /// On a re-run, rows of other tables can still point at an id this reload no longer holds (the legacy row was
    /// deleted, or is quarantined now). They would fail the deferred foreign keys at commit, and so would every later
    /// run. Such rows cannot be valid any more: they go in the same transaction, down the foreign keys, and their own
    /// table's reload reads them again from the legacy store (where they are orphans, hence quarantined).
    /// </summary>
    private static async Task RemoveOrphanedDescendantsAsync(NpgsqlConnection connection, LegacyTable table, CancellationToken ct)
    {
        var parents = new Queue<LegacyTable>([table]);
        while (parents.TryDequeue(out var parent))
        {
            foreach (var child in LegacyTables.All)
            {
                foreach (var fk in child.Postgres.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == parent.EntityType))
                {
                    var column = fk.Properties[0].GetColumnName();
                    var removed = await ExecuteAsync(connection,
                        $"DELETE FROM {child.TargetName} c WHERE c.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent.TargetName} p WHERE p.id = c.{column})", ct);
                    if (removed > 0 && IsReferenced(child))
                    {
                        parents.Enqueue(child);
                    }
                }
            }
        }
    }

    private static bool IsReferenced(LegacyTable table) =>
        LegacyTables.All.Any(t => t.Postgres.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == table.EntityType));

    private static decimal Parity(IReadOnlyList<TableMigration> tables)
    {
        var expected = tables.Sum(t => t.SourceRows - t.QuarantinedRows);
        return expected == 0 ? 100m : Math.Round(100m * tables.Sum(t => t.MigratedRows) / expected, 2);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
