using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;

namespace Epic16.Tests.TestSupport;

/// <summary>Raw reads of legacy SQLite files for assertions (unpooled, so the files can be deleted or compared afterwards).</summary>
public static class LegacySql
{
    public static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static string PathOf(string directory, string table) => LegacyStore.FileOf(table).PathIn(directory);

    public static long Count(string directory, string table, string where = "1=1") =>
        Convert.ToInt64(Scalar(directory, table, $"SELECT count(*) FROM {table} WHERE {where}"), System.Globalization.CultureInfo.InvariantCulture);

    public static object? Scalar(string directory, string table, string sql)
    {
        using var connection = Open(PathOf(directory, table));
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Each row as text, with the storage class of every value, so "12" and 12 differ.</summary>
    public static List<string> Rows(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetDataTypeName(i).ToLowerInvariant()}:{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}")));
        }

        return rows;
    }

    /// <summary>Values of one column as (storage class, text), NULLs included.</summary>
    public static List<(string Type, string? Value)> Values(string directory, string table, string column)
    {
        using var connection = Open(PathOf(directory, table));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT typeof({column}), CAST({column} AS TEXT) FROM {table}";
        using var reader = command.ExecuteReader();
        var values = new List<(string, string?)>();
        while (reader.Read())
        {
            values.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return values;
    }

    public static List<string> Columns(string path, string table)
    {
        return [.. Rows(path, $"SELECT name FROM pragma_table_info('{table}')").Select(r => r.Split(':', 2)[1])];
    }
}
