using System.Globalization;
using Epic16.Dashboard.Components.Charts;
using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Executive;

namespace Epic16.Dashboard.Components.Pages.Executive;

/// <summary>How each executive chart is drawn (type, value format, axes, colours), and its figures as chart series and CSV.</summary>
public static class ExecutiveCharts
{
    // Worst band first, as the series come; dark enough for 3:1 against a light surface (the chart lightens them in dark mode).
    private static readonly IReadOnlyList<string> BandColors = ["#c62828", "#e65100", "#8d6e00", "#2e7d32"];

    public static ApexChartOptions OptionsOf(ExecutiveSeries chart) => chart.Key switch
    {
        "weighted" or "roi" => Base(chart, ApexChartType.Line) with { ValueFormat = ChartValueFormat.Money },
        "campaigns" => Base(chart, ApexChartType.Bar) with { Horizontal = true, ValueFormat = ChartValueFormat.Money },
        "funnel" => Base(chart, ApexChartType.Bar) with { Horizontal = true },
        // NPV in dollars and ROI in percent differ by orders of magnitude: ROI gets its own axis on the right.
        "cases" => Base(chart, ApexChartType.Bar) with
        {
            ValueFormat = ChartValueFormat.Money,
            SecondaryAxis = chart.Series.Count > 1 ? new ChartSecondaryAxis(chart.Series[1].Name, ChartValueFormat.Percent) : null,
        },
        "health" => Base(chart, ApexChartType.Bar) with { Colors = ["#1f4e8c"] },
        "healthtrend" => Base(chart, ApexChartType.Area) with { Stacked = true, ValueFormat = ChartValueFormat.Percent, ValueAxisMax = 100, Colors = BandColors },
        "slip" => Base(chart, ApexChartType.Bar) with { Horizontal = true, Colors = ["#c62828"], Height = Math.Max(280, 60 + 18 * chart.Categories.Count) },
        _ => Base(chart, ApexChartType.Bar),
    };

    public static IReadOnlyList<ChartSeries> SeriesOf(ExecutiveSeries chart) =>
        [.. chart.Series.Select(s => new ChartSeries(s.Name, [.. s.Values.Select(v => (decimal?)v)]))];

    /// <summary>One chart's figures as CSV: a row per category and series (formula-like text neutralised by <see cref="CsvFile"/>).</summary>
    public static string CsvOf(ExecutiveSeries chart) =>
        CsvFile.Write(chart.Series.SelectMany(s => s.Values.Select((v, i) => (Category: chart.Categories[i], Series: s.Name, Value: v))),
            ("Category", r => r.Category), ("Series", r => r.Series), ("Value", r => r.Value.ToString(CultureInfo.InvariantCulture)));

    private static ApexChartOptions Base(ExecutiveSeries chart, ApexChartType type) => new(type)
    {
        Title = chart.Title,
        Categories = chart.Categories,
        Height = 280,
        FileName = "executive-" + chart.Key,
    };
}
