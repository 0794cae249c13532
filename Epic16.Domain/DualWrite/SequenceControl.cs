using System.Globalization;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.StoreMigration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// The id counters of both stores: PostgreSQL identity sequences and SQLite's AUTOINCREMENT `sqlite_sequence`.
/// At every mode switch both are moved past the largest id on either side (quarantined legacy ids included), so
/// the new primary never hands out an id the other store holds. A save that was waiting at the write gate on the
/// old primary's context takes its new ids from the new primary (<see cref="ReserveAsync"/>), so the two stores
/// never hand out the same id for different rows.
/// </summary>
public sealed class SequenceControl(StoreSettings settings)
{
    public async Task AlignAsync(CancellationToken ct = default)
    {
        await using var sqlite = await LegacyConnection.OpenAsync(settings.LegacyDirectory, readOnly: false, ct: ct);
        await using var postgres = new NpgsqlConnection(settings.PostgresConnectionString);
        await postgres.OpenAsync(ct);
        // One transaction per store: a commit (and its fsync) per counter would make the cutover's pause longer.
        await using var sqliteTransaction = (SqliteTransaction)await sqlite.BeginTransactionAsync(ct);
        await using var postgresTransaction = await postgres.BeginTransactionAsync(ct);
        foreach (var table in LegacyTables.All)
        {
            var legacyMax = await SqliteScalarAsync(sqlite, $"SELECT coalesce(max(id), 0) FROM {Qualified(table)}", ct);
            await using (var command = new NpgsqlCommand(new PostgresCopy(table).SetSequenceSql(legacyMax), postgres))
            {
                await command.ExecuteNonQueryAsync(ct);
            }

            await using var max = new NpgsqlCommand($"SELECT coalesce(max(id), 0) FROM {table.TargetName}", postgres);
            var targetMax = Convert.ToInt64(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            await EnsureSqliteSequenceAsync(sqlite, table, Math.Max(legacyMax, targetMax), ct);
        }

        await postgresTransaction.CommitAsync(ct);
        await sqliteTransaction.CommitAsync(ct);
    }

    /// <summary>`count` fresh ids for a table from the given store's counter.</summary>
    public async Task<long[]> ReserveAsync(StoreKind store, LegacyTable table, int count, CancellationToken ct = default)
    {
        if (count <= 0)
        {
            return [];
        }

        if (store == StoreKind.Postgres)
        {
            await using var postgres = new NpgsqlConnection(settings.PostgresConnectionString);
            await postgres.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('{table.TargetName}', 'id')) FROM generate_series(1, {count})", postgres);
            var ids = new List<long>(count);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }

            return [.. ids];
        }

        await using var sqlite = await LegacyConnection.OpenAsync(settings.LegacyDirectory, readOnly: false, ct: ct);
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync(ct);
        var current = await SqliteScalarAsync(sqlite, $"SELECT coalesce(max(id), 0) FROM {Qualified(table)}", ct);
        await EnsureSqliteSequenceAsync(sqlite, table, current, ct);
        var last = await SqliteScalarAsync(sqlite, $"UPDATE {Alias(table)}.sqlite_sequence SET seq = seq + {count} WHERE name = '{table.LegacyName}' RETURNING seq", ct);
        await transaction.CommitAsync(ct);
        return [.. Enumerable.Range(0, count).Select(i => last - count + 1 + i)];
    }

    private static async Task EnsureSqliteSequenceAsync(SqliteConnection sqlite, LegacyTable table, long atLeast, CancellationToken ct)
    {
        var sequence = $"{Alias(table)}.sqlite_sequence";
        await SqliteExecuteAsync(sqlite, $"INSERT INTO {sequence} (name, seq) SELECT '{table.LegacyName}', 0 WHERE NOT EXISTS (SELECT 1 FROM {sequence} WHERE name = '{table.LegacyName}')", ct);
        await SqliteExecuteAsync(sqlite, $"UPDATE {sequence} SET seq = max(seq, {atLeast}) WHERE name = '{table.LegacyName}'", ct);
    }

    private static string Alias(LegacyTable table) => LegacyStore.FileOf(table.LegacyName).Alias;

    private static string Qualified(LegacyTable table) => $"{Alias(table)}.{table.LegacyName}";

    private static async Task<long> SqliteScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task SqliteExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
