namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// What a chart looks like, kept to the cases the product needs (line/area over time, bars by category, donut);
/// <see cref="ApexChartConfig"/> turns it into the ApexCharts option shape.
/// </summary>
public sealed record ApexChartOptions(ApexChartType Type)
{
    /// <summary>The plot's height in CSS pixels (legend and toolbar included, as ApexCharts counts it).</summary>
    public int Height { get; init; } = 320;

    /// <summary>Drawn above the plot and kept in downloaded images; also the chart's accessible name.</summary>
    public string? Title { get; init; }

    /// <summary>The x-axis categories of a chart by category, or the slice labels of a donut, pie or radial bar.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    public ChartValueFormat ValueFormat { get; init; } = ChartValueFormat.Number;

    /// <summary>The top of the value axis (100 for shares that add up to 100 %); ApexCharts picks it when null.</summary>
    public decimal? ValueAxisMax { get; init; }

    /// <summary>A series with its own value axis on the opposite side (vertical line or bar charts); none when null.</summary>
    public ChartSecondaryAxis? SecondaryAxis { get; init; }

    /// <summary>ISO 4217 code used when <see cref="ValueFormat"/> is Money.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Series or slice colours (CSS colours) in order; ApexCharts' palette when null.</summary>
    public IReadOnlyList<string>? Colors { get; init; }

    /// <summary>Stacks bar or area series.</summary>
    public bool Stacked { get; init; }

    /// <summary>Bars run left to right (long category names read better).</summary>
    public bool Horizontal { get; init; }

    /// <summary>The chart's download menu (PNG and SVG images; never CSV: grids export CSV through CsvDownload).</summary>
    public bool Downloads { get; init; } = true;

    /// <summary>Name of downloaded files without extension; the title, else "chart".</summary>
    public string? FileName { get; init; }

    /// <summary>The format of a series' values: the secondary axis's for its series, else <see cref="ValueFormat"/>.</summary>
    public ChartValueFormat FormatOf(string seriesName) =>
        SecondaryAxis is { } axis && axis.SeriesName == seriesName ? axis.ValueFormat : ValueFormat;
}
