using System.Globalization;

namespace Epic16.Bench;

/// <summary>Nearest-rank percentiles of timings and their printing (linked into the browser benches).</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="p"/>th percentile (nearest rank) of <paramref name="values"/>; NaN when there are none.</summary>
    public static double Of(IReadOnlyCollection<double> values, int p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Whole milliseconds, or "-" for none.</summary>
    public static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0", CultureInfo.InvariantCulture);
}
