using System.Globalization;
using System.Text.Json;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Epic16.Domain.Persistence.Legacy;

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

    // Read once per table: the bounds and shapes PostgreSQL's check constraints enforce, and each numeric column's scale.
    private readonly (decimal Min, decimal Max)?[] _ranges = [.. table.Properties.Select(StoreMapping.RangeOf)];
    private readonly System.Text.RegularExpressions.Regex?[] _patterns =
        [.. table.Properties.Select(p => StoreMapping.PatternOf(p) is { } pattern ? new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.Compiled) : null)];
    private readonly (int Decimals, decimal Limit)[] _numerics =
        [.. table.Properties.Select(p => StoreMapping.NumericTypeOf(p) is { } type ? (StoreMapping.DecimalsOf(type), StoreMapping.LimitOf(type)) : (0, 0m))];

    private readonly IReadOnlyList<(int Ordinal, Type Parent, string ParentTable)> _references = table.Sqlite.GetForeignKeys()
        .Select(fk => (table.Properties.ToList().IndexOf(fk.Properties[0]), fk.PrincipalEntityType.ClrType, fk.PrincipalEntityType.GetTableName()!))
        .ToList();

    public LegacyTable Table => table;

    /// <summary>The SELECT that yields the raw values in <see cref="LegacyTable.Properties"/> order.</summary>
    public string SelectSql(string? where = null) =>
        $"SELECT {string.Join(", ", _columns.Select(c => c.Column))} FROM {table.LegacyName}{(where is null ? "" : " WHERE " + where)} ORDER BY id";

    /// <summary>One row's raw legacy values (in <see cref="LegacyTable.Properties"/> order), or null when the id is not there.</summary>
    public async Task<object?[]?> ReadRawAsync(Microsoft.Data.Sqlite.SqliteConnection connection, long id, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SelectSql("id = $id");
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var values = new object?[reader.FieldCount];
        reader.GetValues(values!);
        return values;
    }

    /// <summary>Streams the table's rows (those <paramref name="where"/> keeps, when given), converted, in id order.</summary>
    public async IAsyncEnumerable<LegacyRow> ReadAllAsync(Microsoft.Data.Sqlite.SqliteConnection connection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default, string? where = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SelectSql(where);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var raw = new object?[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(raw!);
            yield return Read(raw);
        }
    }

    /// <summary>The same rows, read and converted on another thread while the caller consumes them (<see cref="ReadAhead"/>).</summary>
    public IAsyncEnumerable<LegacyRow> ReadAheadAsync(Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken ct = default) =>
        ReadAhead.Of(token => ReadAllAsync(connection, token), ct);

    public LegacyRow Read(object?[] raw)
    {
        var values = new object?[_columns.Count];
        List<Rejection>? rejections = null;
        for (var i = 0; i < _columns.Count; i++)
        {
            var (property, kind, words, column) = _columns[i];
            var (ok, value, reason) = kind is LegacyKind.Money or LegacyKind.Score or LegacyKind.Rate
                ? From(LegacyValueParser.Decimal(raw[i], _numerics[i].Decimals, _numerics[i].Limit))
                : Parse(property, kind, words, raw[i]);
            if (ok && value is null && !property.IsNullable)
            {
                (ok, reason) = (false, "a value is required here but the legacy row has none");
            }

            if (ok && value is not null && (_ranges[i] is not null || _patterns[i] is not null))
            {
                reason = Constraint(_ranges[i], _patterns[i], value);
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
            LegacyKind.Timestamp => From(LegacyValueParser.Timestamp(raw)),
            LegacyKind.Date => From(LegacyValueParser.Date(raw)),
            LegacyKind.Enum => From(LegacyValueParser.Enum(raw, words)),
            LegacyKind.Json => Json(property.ClrType, LegacyValueParser.Json(raw)),
            _ => (false, null, $"no parser for {kind}"),
        };
    }

    /// <summary>The ranges and shapes PostgreSQL's check constraints enforce, checked first so a bad row is quarantined, not fatal to the COPY.</summary>
    private static string? Constraint((decimal Min, decimal Max)? range, System.Text.RegularExpressions.Regex? pattern, object value)
    {
        if (range is var (min, max))
        {
            var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            if (number < min || number > max)
            {
                return $"{number.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        if (pattern is not null && value is string text && !pattern.IsMatch(text))
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
