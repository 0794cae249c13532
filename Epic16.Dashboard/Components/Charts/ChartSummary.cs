namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// A short text summary of what a chart shows (its extent and its extremes), written from the figures it receives, for
/// readers who cannot see the drawing. A page may give its own summary instead.
/// </summary>
public static class ChartSummary
{
    private const int MaxSeriesDescribed = 3;

    public static string Describe(ApexChartOptions options, IReadOnlyList<ChartSeries> series)
    {
        var table = ChartTable.From(options, series);
        if (table.Rows.Count == 0 || series.All(s => s.Values.All(v => v is null)))
        {
            return "No data to show.";
        }

        string Text(decimal? v) => ChartValueText.Format(v, options.ValueFormat, options.Currency);

        if (options.Type is ApexChartType.Donut or ApexChartType.Pie or ApexChartType.RadialBar)
        {
            var slices = series[0].Values;
            var labels = options.Categories ?? [];
            var largest = Enumerable.Range(0, Math.Min(slices.Count, labels.Count)).MaxBy(i => slices[i] ?? decimal.MinValue);
            var total = slices.Sum(v => v ?? 0);
            var share = options.Type == ApexChartType.RadialBar || total == 0 ? "" : $", {Math.Round(slices[largest]!.Value * 100 / total, 1, MidpointRounding.AwayFromZero)}% of {Text(total)}";
            return $"{table.Rows.Count} parts; the largest is {labels[largest]} with {Text(slices[largest])}{share}.";
        }

        var timed = series.Any(s => s.Points is not null);
        var extent = timed
            ? $"{Kind(options)} over time, from {table.Rows[0].Label} to {table.Rows[^1].Label}"
            : $"{Kind(options)} for {table.Rows.Count} {(table.Rows.Count == 1 ? "category" : "categories")}";
        var parts = series.Take(MaxSeriesDescribed).Select(s => DescribeSeries(s, table, v => ChartValueText.Format(v, options.FormatOf(s.Name), options.Currency)));
        var more = series.Count > MaxSeriesDescribed ? $" And {series.Count - MaxSeriesDescribed} more series." : "";
        return $"{extent}. {string.Join(" ", parts)}{more}";
    }

    private static string DescribeSeries(ChartSeries series, ChartTable table, Func<decimal?, string> text)
    {
        // Labels as the table writes them: the moment of each point, or the category at the value's position.
        var values = series.Points is { } points
            ? points.Where(p => p.Value is not null).OrderBy(p => p.At)
                .Select(p => (Label: ChartValueText.Time(p.At, table.RowHeader == "Date"), Value: p.Value!.Value)).ToList()
            : series.Values.Take(table.Rows.Count).Select((v, i) => (Label: table.Rows[i].Label, Value: v))
                .Where(x => x.Value is not null).Select(x => (x.Label, Value: x.Value!.Value)).ToList();
        if (values.Count == 0)
        {
            return $"{series.Name}: no data.";
        }

        var high = values.MaxBy(v => v.Value);
        var low = values.MinBy(v => v.Value);
        return series.Points is not null
            ? $"{series.Name}: latest {text(values[^1].Value)} ({values[^1].Label}), highest {text(high.Value)} ({high.Label})."
            : $"{series.Name}: highest {text(high.Value)} ({high.Label}), lowest {text(low.Value)} ({low.Label}).";
    }

    private static string Kind(ApexChartOptions options) => options.Type switch
    {
        ApexChartType.Bar => "Bars",
        ApexChartType.Area => "Areas",
        _ => "Lines",
    };
}
