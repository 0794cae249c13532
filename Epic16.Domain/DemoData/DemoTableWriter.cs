using Microsoft.Data.Sqlite;

namespace Epic16.Domain.DemoData;

/// <summary>
/// Bulk insert into one legacy table: one prepared, parameterised command reused for every row, inside the file's one transaction.
/// Ids are given explicitly (1, 2, …) so the generator knows them without reading them back.
/// </summary>
internal sealed class DemoTableWriter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public DemoTableWriter(SqliteTransaction transaction, string table, params string[] columns)
    {
        Table = table;
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {table} (id, {string.Join(", ", columns)}) VALUES ($p0, {string.Join(", ", columns.Select((_, i) => $"$p{i + 1}"))})";
        _parameters = [.. Enumerable.Range(0, columns.Length + 1).Select(i => _command.Parameters.Add(new SqliteParameter($"$p{i}", null)))];
        _command.Prepare();
    }

    public string Table { get; }

    /// <summary>Rows written so far; also the id of the last row.</summary>
    public long Rows { get; private set; }

    /// <summary>The id the next row will get.</summary>
    public long NextId => Rows + 1;

    public long Insert(params object?[] values)
    {
        if (values.Length != _parameters.Length - 1)
        {
            throw new ArgumentException($"{Table}: {values.Length} values for {_parameters.Length - 1} columns.", nameof(values));
        }

        var id = NextId;
        _parameters[0].Value = id;
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i + 1].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
        Rows = id;
        return id;
    }

    public void Dispose() => _command.Dispose();
}
