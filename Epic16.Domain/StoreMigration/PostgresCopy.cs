using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Epic16.Domain.StoreMigration;

/// <summary>The PostgreSQL side of one table's bulk copy: column list, binary COPY types, emptying and the identity sequence.</summary>
public sealed class PostgresCopy
{
    private readonly LegacyTable _table;
    private readonly IReadOnlyList<(string Column, NpgsqlDbType Type)> _columns;

    public PostgresCopy(LegacyTable table)
    {
        _table = table;
        _columns = table.Properties
            .Select(p => table.Postgres.FindProperty(p.Name)!)
            .Select(p => (p.GetColumnName(), TypeOf(p)))
            .ToList();
    }

    public string CopySql() => $"COPY {_table.TargetName} ({string.Join(", ", _columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Inside a <see cref="LoadWindow"/> no foreign key touches the table, so it can be truncated (transactionally).</summary>
    public string EmptyTableSql() => $"TRUNCATE {_table.TargetName}";

    /// <summary>Past the largest id on either side (quarantined legacy ids included), so new rows never collide.</summary>
    public string SetSequenceSql(long largestLegacyId) =>
        $"SELECT setval(pg_get_serial_sequence('{_table.TargetName}', 'id'), GREATEST(m, 1), m > 0) " +
        $"FROM (SELECT GREATEST(COALESCE(max(id), 0), {largestLegacyId}) AS m FROM {_table.TargetName}) s";

    /// <summary>One row, inserted or replaced by id (a repaired quarantine row).</summary>
    public NpgsqlCommand UpsertCommand(LegacyRow row, NpgsqlConnection connection)
    {
        var names = _columns.Select(c => c.Column).ToList();
        var command = new NpgsqlCommand(
            $"INSERT INTO {_table.TargetName} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))}) " +
            $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", names.Skip(1).Select(n => $"{n} = EXCLUDED.{n}"))}", connection);
        for (var i = 0; i < _columns.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter($"p{i}", _columns[i].Type) { Value = row.Values[i] ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>Synchronous on purpose: the importer buffers, and per-value awaits cost more than the copy itself.</summary>
    public void WriteRow(NpgsqlBinaryImporter importer, LegacyRow row)
    {
        importer.StartRow();
        for (var i = 0; i < _columns.Count; i++)
        {
            var value = row.Values[i];
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, _columns[i].Type);
            }
        }
    }

    private static NpgsqlDbType TypeOf(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return StoreMapping.KindOf(property) switch
        {
            LegacyKind.Json => NpgsqlDbType.Jsonb,
            LegacyKind.Money or LegacyKind.Score or LegacyKind.Rate => NpgsqlDbType.Numeric,
            LegacyKind.Timestamp => NpgsqlDbType.TimestampTz,
            LegacyKind.Date => NpgsqlDbType.Date,
            LegacyKind.Boolean => NpgsqlDbType.Boolean,
            LegacyKind.Integer when type == typeof(int) => NpgsqlDbType.Integer,
            LegacyKind.Integer => NpgsqlDbType.Bigint,
            _ => NpgsqlDbType.Text,
        };
    }
}
