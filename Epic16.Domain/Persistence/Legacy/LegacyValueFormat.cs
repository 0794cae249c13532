using System.Globalization;

namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// The other direction of <see cref="LegacyValueParser"/>: the canonical forms the application writes into the legacy
/// columns (through the EF SQLite converters and the mirror), which the parser reads back as the same values.
/// </summary>
public static class LegacyValueFormat
{
    /// <summary>The canonical form the application writes into legacy timestamp columns.</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.ffffff";

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The canonical legacy form of an instant. Unspecified kind is taken as UTC (as the legacy
    /// reading does); digits below the microsecond are dropped, as PostgreSQL keeps microseconds.
    /// </summary>
    public static string FormatTimestamp(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return utc.ToString(TimestampFormat, CultureInfo.InvariantCulture);
    }

    public static string FormatDate(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Money or a score for a REAL column: the nearest double, which reads back as the same decimal.</summary>
    public static double ToReal(decimal value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
