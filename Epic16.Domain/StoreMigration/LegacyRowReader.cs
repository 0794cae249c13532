using System.Globalization;
using System.Text.Json;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// Turns raw legacy rows of one table into typed values with <see cref="LegacyValueParser"/>, by the kind each
/// column is mapped with, and checks references to parent rows (orphans, including across the legacy files).
/// The quarantine scan, the bulk migrator and the validator all read rows through this.
/// </summary>
public sealed class LegacyRowReader(LegacyTable table, IReadOnlyDictionary<Type, HashSet<long>> validParentIds)
{
    private readonly IReadOnlyList<(IProperty Property, LegacyKind Kind, IReadOnlyList<string> Words, string Column)> _columns =
        table.Properties.Select(p => (p, StoreMapping.KindOf(p), StoreMapping.WordsOf(p), p.GetColumnName())).ToList();

    private readonly IReadOnlyList<(int Ordinal, Type Parent, string ParentTable)> _references = table.Sqlite.GetForeignKeys()
        .Select(fk => (table.Properties.ToList().IndexOf(fk.Properties[0]), fk.PrincipalEntityType.ClrType, fk.PrincipalEntityType.GetTableName()!))
        .ToList();

    public LegacyTable Table => table;

    /// <summary>The SELECT that yields the raw values in <see cref="LegacyTable.Properties"/> order.</summary>
    public string SelectSql(string? where = null) =>
        $"SELECT {string.Join(", ", _columns.Select(c => c.Column))} FROM {table.LegacyName}{(where is null ? "" : " WHERE " + where)} ORDER BY id";

    /// <summary>Streams the table's rows, converted, in id order.</summary>
    public async IAsyncEnumerable<LegacyRow> ReadAllAsync(Microsoft.Data.Sqlite.SqliteConnection connection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SelectSql();
        await using var reader = await command.ExecuteReaderAsync(ct);
        var raw = new object?[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(raw!);
            yield return Read(raw);
        }
    }

    public LegacyRow Read(object?[] raw)
    {
        var values = new object?[_columns.Count];
        List<Rejection>? rejections = null;
        for (var i = 0; i < _columns.Count; i++)
        {
            var (property, kind, words, column) = _columns[i];
            var (ok, value, reason) = Parse(property, kind, words, raw[i]);
            if (ok && value is null && !property.IsNullable)
            {
                (ok, reason) = (false, "a value is required here but the legacy row has none");
            }

            if (ok && value is not null)
            {
                reason = Constraint(property, value);
                ok = reason is null;
            }

            if (ok)
            {
                values[i] = value;
            }
            else
            {
                (rejections ??= []).Add(new Rejection(column, RawText(raw[i]), reason!));
            }
        }

        foreach (var (ordinal, parent, parentTable) in _references)
        {
            if (values[ordinal] is long id && validParentIds.TryGetValue(parent, out var ids) && !ids.Contains(id))
            {
                (rejections ??= []).Add(new Rejection(_columns[ordinal].Column, RawText(raw[ordinal]),
                    $"orphan: no readable row with id {id} in {parentTable}"));
            }
        }

        var rowId = values[0] as long? ?? (raw[0] is long l ? l : -1);
        return new LegacyRow(rowId, values, (IReadOnlyList<Rejection>?)rejections ?? []);
    }

    private static (bool Ok, object? Value, string? Reason) Parse(IProperty property, LegacyKind kind, IReadOnlyList<string> words, object? raw)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return kind switch
        {
            LegacyKind.Text => From(LegacyValueParser.Text(raw, required: !property.IsNullable)),
            LegacyKind.Integer when type == typeof(int) => FromInt(LegacyValueParser.Integer(raw)),
            LegacyKind.Integer => From(LegacyValueParser.Integer(raw)),
            LegacyKind.Boolean => From(LegacyValueParser.Boolean(raw)),
            LegacyKind.Money or LegacyKind.Score or LegacyKind.Rate => Numeric(property, raw),
            LegacyKind.Timestamp => From(LegacyValueParser.Timestamp(raw)),
            LegacyKind.Date => From(LegacyValueParser.Date(raw)),
            LegacyKind.Enum => From(LegacyValueParser.Enum(raw, words)),
            LegacyKind.Json => Json(property.ClrType, LegacyValueParser.Json(raw)),
            _ => (false, null, $"no parser for {kind}"),
        };
    }

    private static (bool, object?, string?) Numeric(IProperty property, object? raw)
    {
        var storeType = StoreMapping.NumericTypeOf(property)!;
        return From(LegacyValueParser.Decimal(raw, StoreMapping.DecimalsOf(storeType), StoreMapping.LimitOf(storeType)));
    }

    /// <summary>The ranges and shapes PostgreSQL's check constraints enforce, checked first so a bad row is quarantined, not fatal to the COPY.</summary>
    private static string? Constraint(IProperty property, object value)
    {
        if (StoreMapping.RangeOf(property) is var (min, max))
        {
            var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            if (number < min || number > max)
            {
                return $"{number.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        if (StoreMapping.PatternOf(property) is { } pattern && value is string text && !System.Text.RegularExpressions.Regex.IsMatch(text, pattern))
        {
            return $"'{text}' does not have the form {pattern}";
        }

        return null;
    }

    private static (bool, object?, string?) From<T>(ParseResult<T> result) => (result.Ok, result.Value, result.Reason);

    private static (bool, object?, string?) FromInt(ParseResult<long?> result) =>
        !result.Ok ? (false, null, result.Reason)
        : result.Value is null ? (true, null, null)
        : result.Value is >= int.MinValue and <= int.MaxValue ? (true, (int)result.Value.Value, null)
        : (false, null, $"{result.Value} does not fit a 32-bit integer column");

    /// <summary>The normalised JSON must also have the shape the column is documented with.</summary>
    private static (bool, object?, string?) Json(Type clrType, ParseResult<string?> result)
    {
        if (!result.Ok || result.Value is null)
        {
            return (result.Ok, null, result.Reason);
        }

        try
        {
            _ = JsonSerializer.Deserialize(result.Value, clrType, StoreMapping.JsonOptions) ?? throw new JsonException("JSON null");
            return (true, result.Value, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            return (false, null, $"JSON does not have the documented shape ({clrType.Name}): {e.Message.Split('\n')[0]}");
        }
    }

    private static string? RawText(object? raw) => raw switch
    {
        null or DBNull => null,
        string s => s,
        byte[] b => Convert.ToBase64String(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => raw.ToString(),
    };
}
