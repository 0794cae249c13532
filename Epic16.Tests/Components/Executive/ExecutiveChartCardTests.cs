using System.Text.Json;
using Bunit;
using Epic16.Dashboard.Components.Charts;
using Epic16.Dashboard.Components.Pages.Executive;
using Epic16.Domain.Executive;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Components.Executive;

/// <summary>
/// The executive charts rendered as the page renders them: what each hands to ApexCharts (type, axes, formats, series count,
/// names as data for the escaping formatters), its note, table view and empty state.
/// </summary>
public sealed class ExecutiveChartCardTests : BunitTestContext
{
    private static readonly ExecutiveSeries Cases = new("cases", "NPV and ROI per business case", ["Case <b>A</b>", "Case B"],
        [new("NPV (USD)", [123_456.78m, 50_000m]), new("ROI (%)", [150m, 12.5m])]);

    private static readonly ExecutiveSeries Slip = new("slip", "Go-live slip per client", ["<b>Evil</b> Corp", "On Time"],
        [new("Slip (days)", [17m, 0m])], "The 2 clients slipping most of 9 open clients with a go-live target and a plan; days after the target (negative: early).")
    { ZeroIsData = true };

    private static readonly ExecutiveSeries Trend = new("healthtrend", "Client health trend (share per band)", ["2026-03-18", "2026-03-25"],
        [new("Critical (%)", [50m, 0m]), new("At risk (%)", [0m, 0m]), new("Watch (%)", [50m, 0m]), new("Healthy (%)", [0m, 100m])]);

    private static readonly ExecutiveSeries Health = new("health", "Client health distribution", ["Critical", "At risk", "Watch", "Healthy"],
        [new("Clients", [1m, 2m, 3m, 4m])]);

    private readonly BunitJSModuleInterop _module;

    public ExecutiveChartCardTests() => _module = JSInterop.SetupModule(ApexChart.ModulePath);

    [Fact]
    public void Cases_RoiOnItsOwnOppositeAxis_NpvInDollarsRoiInPercent()
    {
        var card = Render<ExecutiveChartCard>(p => p.Add(c => c.Chart, Cases));

        var (options, series) = Created();
        var axes = options.GetProperty("yaxis").EnumerateArray().ToList();
        Assert.Equal(2, axes.Count);
        Assert.Equal(("NPV (USD)", false), (axes[0].GetProperty("seriesName").GetString(), axes[0].TryGetProperty("opposite", out _)));
        Assert.Equal(("ROI (%)", true), (axes[1].GetProperty("seriesName").GetString(), axes[1].GetProperty("opposite").GetBoolean()));
        Assert.Equal("ROI (%)", axes[1].GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(["money", "percent"], options.GetProperty("epic16").GetProperty("seriesFormats").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(2, series.GetArrayLength());

        card.Find("[data-testid=chart-table-switch]").Change(true);
        var cells = card.FindAll("[data-testid=chart-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(cells, r => r.Contains("Case <b>A</b>") && r.Contains("$123,456.78") && r.Contains("150%"));
        Assert.Empty(card.FindAll("[data-testid=chart-table] b"));
    }

    [Fact]
    public void Slip_HorizontalBars_NamesAsDataAndTheNoteShown()
    {
        var card = Render<ExecutiveChartCard>(p => p.Add(c => c.Chart, Slip));

        var (options, series) = Created();
        Assert.Equal("bar", options.GetProperty("chart").GetProperty("type").GetString());
        Assert.True(options.GetProperty("plotOptions").GetProperty("bar").GetProperty("horizontal").GetBoolean());
        Assert.Equal(["<b>Evil</b> Corp", "On Time"], options.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.False(options.TryGetProperty("yaxis", out _));
        Assert.False(options.GetProperty("chart").GetProperty("toolbar").GetProperty("show").GetBoolean());
        Assert.Equal(1, series.GetArrayLength());
        Assert.Equal([17m, 0m], series[0].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.StartsWith("The 2 clients slipping most", card.Find("[data-testid=chart-note]").TextContent);
        Assert.Contains("<b>Evil</b> Corp", card.Find("[data-testid=chart-summary]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=chart-slip] b"));
        Assert.Empty(card.FindAll("[data-testid=chart-empty]")); // an on-time client's 0 is a figure
    }

    [Fact]
    public void HealthTrend_StackedPercentAreas_FourBandSeriesInBandColours()
    {
        Render<ExecutiveChartCard>(p => p.Add(c => c.Chart, Trend));

        var (options, series) = Created();
        Assert.Equal("area", options.GetProperty("chart").GetProperty("type").GetString());
        Assert.True(options.GetProperty("chart").GetProperty("stacked").GetBoolean());
        Assert.Equal("percent", options.GetProperty("epic16").GetProperty("valueFormat").GetString());
        Assert.Equal(4, options.GetProperty("colors").GetArrayLength());
        Assert.Equal(["Critical (%)", "At risk (%)", "Watch (%)", "Healthy (%)"], series.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public void HealthDistribution_OneSeriesOfFourBands()
    {
        Render<ExecutiveChartCard>(p => p.Add(c => c.Chart, Health));

        var (options, series) = Created();
        Assert.Equal(4, options.GetProperty("xaxis").GetProperty("categories").GetArrayLength());
        Assert.Equal(1, series.GetArrayLength());
        Assert.Equal([1m, 2m, 3m, 4m], series[0].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()));
    }

    [Fact]
    public void EmptyChart_ShowsTheEmptyStateAndDrawsNothing()
    {
        var card = Render<ExecutiveChartCard>(p => p.Add(c => c.Chart, Slip with { Categories = [], Series = [new("Slip (days)", [])] }));

        Assert.Equal("No data for this range and filter.", card.Find("[data-testid=chart-empty]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=chart-csv]"));
        Assert.DoesNotContain(_module.Invocations, i => i.Identifier == "create");
    }

    [Fact]
    public void Csv_OneRowPerCategoryAndSeries_FormulaNeutralised()
    {
        var csv = ExecutiveCharts.CsvOf(Slip with { Categories = ["=HYPERLINK(\"x\")", "On Time"] });

        Assert.Equal(["Category,Series,Value", "\"'=HYPERLINK(\"\"x\"\")\",Slip (days),17", "On Time,Slip (days),0"], csv.TrimEnd().Split("\r\n"));
    }

    private (JsonElement Options, JsonElement Series) Created()
    {
        var create = _module.VerifyInvoke("create");
        return (JsonDocument.Parse((string)create.Arguments[3]!).RootElement, JsonDocument.Parse((string)create.Arguments[4]!).RootElement);
    }
}
