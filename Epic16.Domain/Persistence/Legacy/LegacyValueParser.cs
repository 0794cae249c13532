using System.Globalization;
using System.Text.Json;

namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// The one place where a legacy SQLite value becomes a typed value or a rejection reason
/// (DESIGN rule 3). Input is what Microsoft.Data.Sqlite returns: null, DBNull, long, double,
/// string or byte[]. Never throws: every input either parses or gives a reason.
/// </summary>
public static class LegacyValueParser
{
    /// <summary>numeric(14,2): the absolute value must stay below 10^12.</summary>
    public const decimal MoneyLimit = 1_000_000_000_000m;

    /// <summary>numeric(6,2): the absolute value must stay below 10^4.</summary>
    public const decimal ScoreLimit = 10_000m;

    /// <summary>9999-12-31 23:59:59 UTC, the last second a DateTime can hold.</summary>
    public const long MaxEpochSeconds = 253_402_300_799;

    private const NumberStyles DecimalText = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static ParseResult<DateTime?> Timestamp(object? raw)
    {
        var value = LegacyRaw.Normalize(raw);
        if (LegacyRaw.IsNullLike(value))
        {
            return ParseResult<DateTime?>.Null();
        }

        if (value is string text)
        {
            var s = text.Trim();
            if (IsAllDigits(s))
            {
                return long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? FromEpoch(seconds, raw)
                    : ParseResult<DateTime?>.Fail($"{LegacyRaw.Describe(raw)} is out of range for Unix epoch seconds");
            }

            return LegacyTimestampText.TryRead(s, out var utc, out _, out var error)
                ? ParseResult<DateTime?>.Success(utc)
                : ParseResult<DateTime?>.Fail($"{LegacyRaw.Describe(raw)} is not a valid timestamp: {error}");
        }

        return EpochNumber(value, raw);
    }

    /// <summary>
    /// A date column: <c>YYYY-MM-DD</c>, or any timestamp form, whose date part as written (before
    /// any offset) is the value; an epoch number gives its UTC date.
    /// </summary>
    public static ParseResult<DateOnly?> Date(object? raw)
    {
        var value = LegacyRaw.Normalize(raw);
        if (LegacyRaw.IsNullLike(value))
        {
            return ParseResult<DateOnly?>.Null();
        }

        if (value is string text)
        {
            var s = text.Trim();
            if (s.Length == 10 && !IsAllDigits(s))
            {
                return LegacyTimestampText.TryReadDate(s, out var day, out var dateError)
                    ? ParseResult<DateOnly?>.Success(day)
                    : ParseResult<DateOnly?>.Fail($"{LegacyRaw.Describe(raw)} is not a valid date: {dateError}");
            }

            // Eight digits read as well as YYYYMMDD as epoch seconds: only a person can tell.
            if (s.Length == 8 && IsAllDigits(s))
            {
                return ParseResult<DateOnly?>.Fail($"{LegacyRaw.Describe(raw)} is ambiguous in a date column (YYYYMMDD or epoch seconds)");
            }

            if (!IsAllDigits(s))
            {
                return LegacyTimestampText.TryRead(s, out _, out var written, out var error)
                    ? ParseResult<DateOnly?>.Success(written)
                    : ParseResult<DateOnly?>.Fail($"{LegacyRaw.Describe(raw)} is not a valid date: {error}");
            }
        }

        var timestamp = Timestamp(raw);
        return timestamp.Ok
            ? ParseResult<DateOnly?>.Success(DateOnly.FromDateTime(timestamp.Value!.Value))
            : timestamp.As<DateOnly?>();
    }

    /// <summary>Money: numeric(14,2), rounded to cents half away from zero.</summary>
    public static ParseResult<decimal?> Money(object? raw) => Decimal(raw, 2, MoneyLimit);

    /// <summary>Scores and percentages: numeric(6,2), rounded half away from zero.</summary>
    public static ParseResult<decimal?> Score(object? raw) => Decimal(raw, 2, ScoreLimit);

    /// <summary>A numeric(6,2) score that must also lie within [min, max] once rounded.</summary>
    public static ParseResult<decimal?> Score(object? raw, decimal min, decimal max)
    {
        var score = Score(raw);
        return score.Value is { } v && (v < min || v > max)
            ? ParseResult<decimal?>.Fail($"{LegacyRaw.Describe(raw)} is outside {min}..{max}")
            : score;
    }

    /// <summary>The DDL's "0..100" columns (lead and health scores, usage, engagement, progress).</summary>
    public static ParseResult<decimal?> Percentage(object? raw) => Score(raw, 0m, 100m);

    /// <summary>
    /// A decimal rounded half away from zero to <paramref name="decimals"/> places whose absolute
    /// value stays below <paramref name="limit"/>. A REAL is read through its shortest round-trip
    /// text, so 2.675 (stored as 2.67499999…) is the 2.675 that was meant and becomes 2.68.
    /// </summary>
    public static ParseResult<decimal?> Decimal(object? raw, int decimals, decimal limit)
    {
        decimals = Math.Clamp(decimals, 0, 28);
        var value = LegacyRaw.Normalize(raw);
        decimal parsed;
        switch (value)
        {
            case var _ when LegacyRaw.IsNullLike(value):
                return ParseResult<decimal?>.Null();
            case double d when !double.IsFinite(d):
                return ParseResult<decimal?>.Fail($"{LegacyRaw.Describe(raw)} is not a finite number");
            case double d when Math.Abs(d) >= (double)limit:
                return OutOfRange(raw, limit);
            case double d:
                if (!decimal.TryParse(d.ToString("R", CultureInfo.InvariantCulture), DecimalText, CultureInfo.InvariantCulture, out parsed))
                {
                    return ParseResult<decimal?>.Fail($"{LegacyRaw.Describe(raw)} cannot be represented as a decimal");
                }

                break;
            case long l:
                parsed = l;
                break;
            case decimal m:
                parsed = m;
                break;
            case string s:
                if (!decimal.TryParse(s.Trim(), DecimalText, CultureInfo.InvariantCulture, out parsed))
                {
                    return ParseResult<decimal?>.Fail($"{LegacyRaw.Describe(raw)} is not a decimal number (or is beyond any decimal's range)");
                }

                break;
            default:
                return ParseResult<decimal?>.Fail(LegacyRaw.Unsupported(raw, "a number"));
        }

        // Adding a zero of the column's scale gives every value exactly that scale (1234.5 →
        // 1234.50), as PostgreSQL returns it, so canonical row texts agree across the stores.
        var rounded = Math.Round(parsed, decimals, MidpointRounding.AwayFromZero) + new decimal(0, 0, 0, false, (byte)decimals);
        return Math.Abs(rounded) >= limit ? OutOfRange(raw, limit) : ParseResult<decimal?>.Success(rounded);
    }

    /// <summary>An INTEGER; a REAL is accepted only when it holds a whole number.</summary>
    public static ParseResult<long?> Integer(object? raw)
    {
        var value = LegacyRaw.Normalize(raw);
        return value switch
        {
            _ when LegacyRaw.IsNullLike(value) => ParseResult<long?>.Null(),
            long l => ParseResult<long?>.Success(l),
            double d when double.IsFinite(d) && Math.Floor(d) == d && d >= -9.2233720368547758E18 && d < 9.2233720368547758E18 =>
                ParseResult<long?>.Success((long)d),
            double => ParseResult<long?>.Fail($"{LegacyRaw.Describe(raw)} is not a whole number in the INTEGER range"),
            string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) =>
                ParseResult<long?>.Success(n),
            string => ParseResult<long?>.Fail($"{LegacyRaw.Describe(raw)} is not an integer"),
            _ => ParseResult<long?>.Fail(LegacyRaw.Unsupported(raw, "an integer")),
        };
    }

    /// <summary>An INTEGER within [min, max] (nps -100..100, fortune_rank 1..500, influence 1..5).</summary>
    public static ParseResult<long?> Integer(object? raw, long min, long max)
    {
        var integer = Integer(raw);
        return integer.Value is { } v && (v < min || v > max)
            ? ParseResult<long?>.Fail($"{LegacyRaw.Describe(raw)} is outside {min}..{max}")
            : integer;
    }

    /// <summary>A boolean column: INTEGER 0 or 1 and nothing else.</summary>
    public static ParseResult<bool?> Boolean(object? raw)
    {
        var value = LegacyRaw.Normalize(raw);
        return value switch
        {
            _ when LegacyRaw.IsNullLike(value) => ParseResult<bool?>.Null(),
            0L => ParseResult<bool?>.Success(false),
            1L => ParseResult<bool?>.Success(true),
            _ => ParseResult<bool?>.Fail($"{LegacyRaw.Describe(raw)} is not a boolean (INTEGER 0 or 1)"),
        };
    }

    /// <summary>
    /// Text kept exactly as written (any Unicode, quotes, markup; an empty string stays empty),
    /// except what PostgreSQL text cannot hold: NUL characters and unpaired surrogates.
    /// </summary>
    public static ParseResult<string?> Text(object? raw, bool required)
    {
        switch (LegacyRaw.Normalize(raw))
        {
            case null:
                return required ? ParseResult<string?>.Fail("a required text value is NULL") : ParseResult<string?>.Null();
            case string s:
                var at = LegacyRaw.FirstUnstorableChar(s, out var problem);
                return at < 0
                    ? ParseResult<string?>.Success(s)
                    : ParseResult<string?>.Fail($"{LegacyRaw.Describe(raw)} contains {problem} at character {at + 1}");
            case long l:
                // An integer has exactly one decimal text; a REAL has none that is certain.
                return ParseResult<string?>.Success(l.ToString(CultureInfo.InvariantCulture));
            default:
                return ParseResult<string?>.Fail(LegacyRaw.Unsupported(raw, "text"));
        }
    }

    /// <summary>
    /// One of the DDL's lowercase words: case and surrounding white space are normalised, and a
    /// space or hyphen stands for an underscore (<c>'At Risk'</c> → <c>at_risk</c>).
    /// </summary>
    public static ParseResult<string?> Enum(object? raw, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var value = LegacyRaw.Normalize(raw);
        if (LegacyRaw.IsNullLike(value))
        {
            return required ? ParseResult<string?>.Fail($"a required value is {LegacyRaw.Describe(raw)}; allowed: {string.Join(" | ", allowed)}") : ParseResult<string?>.Null();
        }

        if (EnumWord(value) is not { } word)
        {
            return ParseResult<string?>.Fail(LegacyRaw.Unsupported(raw, "one of " + string.Join(" | ", allowed)));
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, word, StringComparison.Ordinal))
            {
                return ParseResult<string?>.Success(candidate);
            }
        }

        return ParseResult<string?>.Fail($"unknown value {LegacyRaw.Describe(raw)}; allowed: {string.Join(" | ", allowed)}");
    }

    /// <summary>
    /// The enum rule's canonical spelling of a legacy value, before it is checked against the allowed words: case and
    /// surrounding white space normalised, a space or hyphen for an underscore. NULL, blank or a non-text value gives null.
    /// The SQLite function behind <c>LegacyEnum.Word</c> is this method, so SQL filters see the spellings the converters see.
    /// </summary>
    public static string? EnumWord(object? raw) => LegacyRaw.Normalize(raw) is string s && !string.IsNullOrWhiteSpace(s)
        ? s.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_')
        : null;

    /// <summary>
    /// A JSON column as canonical JSON text: JSON or a Python literal, the same document giving the
    /// same text. NULL or an empty string is NULL; a JSON <c>null</c> gives the text "null".
    /// When <paramref name="expected"/> is given, the top-level value must be of that kind.
    /// </summary>
    public static ParseResult<string?> Json(object? raw, JsonValueKind? expected = null)
    {
        var value = LegacyRaw.Normalize(raw);
        return value switch
        {
            _ when LegacyRaw.IsNullLike(value) => ParseResult<string?>.Null(),
            string s => LegacyJson.Normalize(s, expected),
            _ => ParseResult<string?>.Fail(LegacyRaw.Unsupported(raw, "JSON text")),
        };
    }

    private static ParseResult<DateTime?> EpochNumber(object? value, object? raw) => value switch
    {
        long seconds => FromEpoch(seconds, raw),
        double d when !double.IsFinite(d) || Math.Floor(d) != d =>
            ParseResult<DateTime?>.Fail($"{LegacyRaw.Describe(raw)} is not a whole number of Unix epoch seconds"),
        double d when d < 0 || d > MaxEpochSeconds => FromEpoch(d < 0 ? -1 : MaxEpochSeconds + 1, raw),
        double d => FromEpoch((long)d, raw),
        _ => ParseResult<DateTime?>.Fail(LegacyRaw.Unsupported(raw, "a timestamp")),
    };

    // Negative epochs predate the legacy application by decades; larger ones are usually milliseconds.
    private static ParseResult<DateTime?> FromEpoch(long seconds, object? raw) => seconds switch
    {
        < 0 => ParseResult<DateTime?>.Fail($"{LegacyRaw.Describe(raw)} is out of range: Unix epoch seconds before 1970"),
        > MaxEpochSeconds => ParseResult<DateTime?>.Fail($"{LegacyRaw.Describe(raw)} is out of range: Unix epoch seconds after year 9999 (milliseconds?)"),
        _ => ParseResult<DateTime?>.Success(DateTime.UnixEpoch.AddSeconds(seconds)),
    };

    private static ParseResult<decimal?> OutOfRange(object? raw, decimal limit) =>
        ParseResult<decimal?>.Fail($"{LegacyRaw.Describe(raw)} is out of range: the absolute value must be below {limit.ToString(CultureInfo.InvariantCulture)}");

    private static bool IsAllDigits(string s) => s.Length > 0 && !s.AsSpan().ContainsAnyExceptInRange('0', '9');
}
