namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// The figures of a chart as a table: one row per category (or per moment of a time series, or per slice), one column
/// per series. Built from the same options and series the chart draws, so the two never disagree.
/// </summary>
public sealed record ChartTable(string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<ChartTableRow> Rows)
{
    public static ChartTable From(ApexChartOptions options, IReadOnlyList<ChartSeries> series)
    {
        string Text(decimal? v) => ChartValueText.Format(v, options.ValueFormat, options.Currency);
        string TextOf(ChartSeries s, decimal? v) => ChartValueText.Format(v, options.FormatOf(s.Name), options.Currency);
        var categories = options.Categories ?? [];

        if (options.Type is ApexChartType.Donut or ApexChartType.Pie or ApexChartType.RadialBar)
        {
            var slices = series.Count == 0 ? [] : series[0].Values;
            var rows = categories.Select((c, i) => new ChartTableRow(c, [Text(i < slices.Count ? slices[i] : null)])).ToList();
            return new("Category", [series.Count == 0 ? "Value" : series[0].Name], rows);
        }

        var names = series.Select(s => s.Name).ToList();
        if (series.Any(s => s.Points is not null))
        {
            var moments = series.Where(s => s.Points is not null).SelectMany(s => s.Points!).Select(p => p.At).Distinct().Order().ToList();
            var datesOnly = moments.All(m => m.UtcDateTime.TimeOfDay == TimeSpan.Zero);
            var rows = moments.Select(m => new ChartTableRow(
                ChartValueText.Time(m, datesOnly),
                series.Select(s => TextOf(s, s.Points?.FirstOrDefault(p => p.At == m)?.Value)).ToList())).ToList();
            return new(datesOnly ? "Date" : "Time", names, rows);
        }

        return new("Category", names, categories.Select((c, i) => new ChartTableRow(
            c, series.Select(s => TextOf(s, i < s.Values.Count ? s.Values[i] : null)).ToList())).ToList());
    }
}
