using Npgsql;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// For a whole-table reload inside one transaction: the table's secondary indexes and every foreign key that
/// touches it are dropped before the COPY and created again after it. Building an index once and checking a
/// foreign key with one set-based scan is far cheaper than maintaining them row by row (the benchmark measured
/// most of the server's time there). DDL is transactional in PostgreSQL: a failed or killed load keeps them all.
/// </summary>
public sealed class LoadWindow
{
    private readonly List<string> _recreate = [];

    private LoadWindow()
    {
    }

    public static async Task<LoadWindow> OpenAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var window = new LoadWindow();
        var foreignKeys = await QueryAsync(connection, $"""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype = 'f' AND (conrelid = '{table}'::regclass OR confrelid = '{table}'::regclass)
            """, r => (Table: r.GetString(0), Name: r.GetString(1), Definition: r.GetString(2)), ct);
        var indexes = await QueryAsync(connection, $"""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = '{table}'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = '{table}'::regclass)
            """, r => (Name: r.GetString(0), Definition: r.GetString(1)), ct);

        foreach (var fk in foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {fk.Table} DROP CONSTRAINT {fk.Name}", ct);
            window._recreate.Add($"ALTER TABLE {fk.Table} ADD CONSTRAINT {fk.Name} {fk.Definition}");
        }

        foreach (var index in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {index.Name}", ct);
            window._recreate.Insert(0, index.Definition);
        }

        return window;
    }

    /// <summary>Indexes first (unique ones check the loaded rows), then the foreign keys (each validated in one scan).</summary>
    public async Task CloseAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var statement in _recreate)
        {
            await ExecuteAsync(connection, statement, ct);
        }
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var result = new List<T>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(map(reader));
        }

        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
