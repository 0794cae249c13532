namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// One named series. By category: one value per <see cref="ApexChartOptions.Categories"/> entry (a null value leaves a gap).
/// Over time: built from <see cref="ChartPoint"/>s, which puts the chart on a datetime x-axis. Donut, pie and radial bar
/// charts draw the first series' values as slices labelled by the categories.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values)
{
    public ChartSeries(string name, IReadOnlyList<ChartPoint> points)
        : this(name, points.Select(p => p.Value).ToList()) => Points = points;

    /// <summary>The dated points when the series is a time series; null for a series by category.</summary>
    public IReadOnlyList<ChartPoint>? Points { get; }
}
