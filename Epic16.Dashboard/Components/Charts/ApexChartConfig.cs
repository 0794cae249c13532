using System.Text.Json;
using System.Text.Json.Serialization;

namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// Maps <see cref="ApexChartOptions"/> and <see cref="ChartSeries"/> to the ApexCharts option shape (camelCase, nulls omitted).
/// Formatters are functions and cannot travel as JSON: the <c>epic16</c> block names the value format and the module builds them.
/// </summary>
public static class ApexChartConfig
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ApexChartJson Build(ApexChartOptions options, IReadOnlyList<ChartSeries> series)
    {
        var slices = IsSliced(options.Type);
        var datetime = !slices && series.Any(s => s.Points is not null);
        var twoAxes = TwoAxes(options, series, slices);
        var apex = new ApexOptions(
            Chart: new(
                Type: TypeName(options.Type),
                Height: options.Height,
                Stacked: options.Stacked ? true : null,
                FontFamily: "inherit",
                Background: "transparent",
                // Off: the component draws its own keyboard-reachable PNG/SVG download; ApexCharts' menu offers a CSV
                // export that does not neutralise formulas.
                Toolbar: new(Show: false, Tools: new(Download: false)),
                Zoom: new(Enabled: false)),
            Title: options.Title is null ? null : new(options.Title),
            Labels: slices ? options.Categories : null,
            Xaxis: slices ? null : new(datetime ? "datetime" : "category", datetime ? null : options.Categories),
            Yaxis: twoAxes ? YAxes(options, series) : options.ValueAxisMax is { } max && !slices && !options.Horizontal ? new ApexAxisMax(max) : null,
            Colors: options.Colors,
            PlotOptions: options.Type == ApexChartType.Bar ? new(new(options.Horizontal)) : null,
            DataLabels: new(Enabled: slices),
            Stroke: options.Type is ApexChartType.Line or ApexChartType.Area ? new("smooth", 2) : null,
            // Points are drawn on lines so a series of one snapshot (or one minute) is still visible.
            Markers: options.Type is ApexChartType.Line or ApexChartType.Area ? new(4) : null,
            Legend: new("bottom"),
            NoData: new("No data"),
            Epic16: new(FormatName(options.ValueFormat), options.Currency, options.Horizontal && options.Type == ApexChartType.Bar,
                twoAxes ? [.. series.Select(s => FormatName(options.FormatOf(s.Name)))] : null));
        return new(JsonSerializer.Serialize(apex, Json), JsonSerializer.Serialize(SeriesShape(series, slices, datetime), Json));
    }

    private static object SeriesShape(IReadOnlyList<ChartSeries> series, bool slices, bool datetime)
    {
        if (slices)
        {
            return series.Count == 0 ? Array.Empty<decimal?>() : series[0].Values;
        }

        return series.Select(s => new ApexSeries(s.Name, datetime && s.Points is not null
            ? s.Points.Select(p => new object?[] { p.At.ToUnixTimeMilliseconds(), p.Value }).ToList()
            : s.Values)).ToList();
    }

    // A second axis needs a vertical chart on an axis and its series among the ones drawn.
    private static bool TwoAxes(ApexChartOptions options, IReadOnlyList<ChartSeries> series, bool slices) =>
        options.SecondaryAxis is { } axis && !slices && !(options.Horizontal && options.Type == ApexChartType.Bar)
        && series.Any(s => s.Name == axis.SeriesName) && series.Any(s => s.Name != axis.SeriesName);

    // ApexCharts wants one y-axis entry per series; entries naming the same series share an axis, and only the first of
    // each side is drawn. The axis titles are the series names (SVG text, so no markup is interpreted).
    private static List<ApexYAxis> YAxes(ApexChartOptions options, IReadOnlyList<ChartSeries> series)
    {
        var secondary = options.SecondaryAxis!.SeriesName;
        var primary = series.First(s => s.Name != secondary).Name;
        var axes = new List<ApexYAxis>();
        bool primaryShown = false, secondaryShown = false;
        foreach (var s in series)
        {
            var opposite = s.Name == secondary;
            var first = opposite ? !secondaryShown : !primaryShown;
            axes.Add(new(opposite ? secondary : primary, opposite ? true : null, first ? null : false, first ? new(opposite ? secondary : primary) : null));
            secondaryShown |= opposite;
            primaryShown |= !opposite;
        }

        return axes;
    }

    private static bool IsSliced(ApexChartType type) => type is ApexChartType.Donut or ApexChartType.Pie or ApexChartType.RadialBar;

    private static string TypeName(ApexChartType type) => type switch
    {
        ApexChartType.Line => "line",
        ApexChartType.Area => "area",
        ApexChartType.Bar => "bar",
        ApexChartType.Donut => "donut",
        ApexChartType.Pie => "pie",
        ApexChartType.RadialBar => "radialBar",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string FormatName(ChartValueFormat format) => format switch
    {
        ChartValueFormat.Money => "money",
        ChartValueFormat.Percent => "percent",
        _ => "number",
    };

    private sealed record ApexOptions(
        ApexChartSection Chart, ApexTitle? Title, IReadOnlyList<string>? Labels, ApexXAxis? Xaxis, object? Yaxis, IReadOnlyList<string>? Colors,
        ApexPlotOptions? PlotOptions, ApexToggle DataLabels, ApexStroke? Stroke, ApexMarkers? Markers, ApexLegend Legend, ApexNoData NoData, ApexEpic16 Epic16);

    private sealed record ApexChartSection(
        string Type, int Height, bool? Stacked, string FontFamily, string Background, ApexToolbar Toolbar, ApexToggle Zoom);

    private sealed record ApexToolbar(bool Show, ApexTools Tools);

    private sealed record ApexTools(bool Download, bool Selection = false, bool Zoom = false, bool Zoomin = false, bool Zoomout = false, bool Pan = false, bool Reset = false);

    private sealed record ApexToggle(bool Enabled);

    private sealed record ApexTitle(string Text, string Align = "left");

    private sealed record ApexXAxis(string Type, IReadOnlyList<string>? Categories);

    private sealed record ApexPlotOptions(ApexBar Bar);

    private sealed record ApexBar(bool Horizontal);

    private sealed record ApexStroke(string Curve, int Width);

    private sealed record ApexMarkers(int Size);

    private sealed record ApexLegend(string Position);

    private sealed record ApexNoData(string Text);

    private sealed record ApexSeries(string Name, object Data);

    private sealed record ApexYAxis(string SeriesName, bool? Opposite, bool? Show, ApexAxisTitle? Title);

    private sealed record ApexAxisTitle(string Text);

    private sealed record ApexAxisMax(decimal Max, decimal Min = 0);

    // SeriesFormats: one value format per series (and per y-axis entry) when the chart has a secondary axis.
    private sealed record ApexEpic16(string ValueFormat, string Currency, bool ValuesOnXAxis, IReadOnlyList<string>? SeriesFormats);
}
