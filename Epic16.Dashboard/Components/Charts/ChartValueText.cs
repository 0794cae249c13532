using System.Globalization;

namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// Writes a chart's values and times as text for its table view and summary, in the same units the chart shows
/// (the browser formats the drawn chart with Intl.NumberFormat; this is the server-side twin, culture-invariant).
/// </summary>
public static class ChartValueText
{
    /// <summary>What a missing value reads as (a gap in the chart).</summary>
    public const string Missing = "—";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(decimal? value, ChartValueFormat format, string currency) => value switch
    {
        null => Missing,
        { } v => format switch
        {
            ChartValueFormat.Money => Money(v, currency),
            ChartValueFormat.Percent => v.ToString("#,0.##", Invariant) + "%",
            _ => v.ToString("#,0.##", Invariant),
        },
    };

    /// <summary>A moment on a time axis: the date alone when every point of the chart falls on midnight UTC.</summary>
    public static string Time(DateTimeOffset at, bool datesOnly) =>
        datesOnly ? at.UtcDateTime.ToString("yyyy-MM-dd", Invariant) : at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";

    private static string Money(decimal value, string currency)
    {
        var amount = Math.Abs(value).ToString(decimal.Truncate(value) == value ? "#,0" : "#,0.00", Invariant);
        var sign = value < 0 ? "-" : "";
        return currency == "USD" ? $"{sign}${amount}" : $"{sign}{amount} {currency}";
    }
}
