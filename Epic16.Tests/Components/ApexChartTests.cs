using System.Text.Json;
using Bunit;
using Epic16.Dashboard.Components.Charts;
using Epic16.Tests.TestSupport;
using Microsoft.JSInterop;

namespace Epic16.Tests.Components;

public sealed class ApexChartTests : BunitTestContext
{
    private static readonly ApexChartOptions Bars = new(ApexChartType.Bar)
    {
        Title = "Deals by stage",
        Categories = ["Lead", "Won"],
        ValueFormat = ChartValueFormat.Money,
    };

    private static readonly IReadOnlyList<ChartSeries> Deals = [new("Enterprise", [2_400_000m, null])];

    private readonly BunitJSModuleInterop _module;

    public ApexChartTests() => _module = JSInterop.SetupModule(ApexChart.ModulePath);

    [Fact]
    public void Render_WithTitle_ContainerIsAnImageNamedByTheTitle()
    {
        var chart = RenderChart(Bars, Deals);

        var container = chart.Find("[data-testid=deals-chart] [data-testid=chart-image]");
        Assert.Equal("img", container.GetAttribute("role"));
        Assert.Equal("Deals by stage", container.GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_AriaLabelGiven_WinsOverTitle()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Bars).Add(c => c.Series, Deals).Add(c => c.AriaLabel, "Deals"));

        Assert.Equal("Deals", chart.Find("[data-testid=chart-image]").GetAttribute("aria-label"));
    }

    [Fact]
    public void FirstRender_Bars_CreatesChartWithApexOptionsAndSeries()
    {
        var chart = RenderChart(Bars, Deals);

        var create = _module.VerifyInvoke("create");
        create.Arguments[0].ShouldBeElementReferenceTo(chart.Find("[data-testid=chart-image] > div"));
        Assert.Equal("lib/apexcharts/apexcharts.min.js", create.Arguments[2]);
        using var options = JsonDocument.Parse((string)create.Arguments[3]!);
        var root = options.RootElement;
        Assert.Equal("bar", root.GetProperty("chart").GetProperty("type").GetString());
        Assert.Equal(320, root.GetProperty("chart").GetProperty("height").GetInt32());
        Assert.False(root.GetProperty("chart").GetProperty("toolbar").GetProperty("show").GetBoolean()); // no CSV export menu
        Assert.Equal("Deals by stage", root.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("category", root.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal(["Lead", "Won"], root.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("money", root.GetProperty("epic16").GetProperty("valueFormat").GetString());
        Assert.False(root.TryGetProperty("labels", out _)); // nulls are omitted
        Assert.False(root.GetProperty("chart").TryGetProperty("stacked", out _));
        Assert.Equal("""[{"name":"Enterprise","data":[2400000,null]}]""", create.Arguments[4]);
    }

    [Fact]
    public void Build_DonutAndTimeSeries_UseApexShapes()
    {
        var donut = ApexChartConfig.Build(new ApexChartOptions(ApexChartType.Donut) { Categories = ["Healthy", "At risk"] }, [new("Clients", [14m, 5m])]);
        var timeline = ApexChartConfig.Build(new ApexChartOptions(ApexChartType.Area), [new ChartSeries("ARR", [ChartPoint.On(new DateOnly(2026, 1, 1), 10m)])]);

        Assert.Equal("[14,5]", donut.Series);
        Assert.Contains("\"labels\":[\"Healthy\",\"At risk\"]", donut.Options, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"donut\"", donut.Options, StringComparison.Ordinal);
        Assert.Equal("""[{"name":"ARR","data":[[1767225600000,10]]}]""", timeline.Series);
        Assert.Contains("\"xaxis\":{\"type\":\"datetime\"}", timeline.Options, StringComparison.Ordinal);
        Assert.Contains("\"markers\":{\"size\":4}", timeline.Options, StringComparison.Ordinal); // one point still shows
        Assert.DoesNotContain("markers", donut.Options, StringComparison.Ordinal);
    }

    [Fact]
    public void Rerender_SameOptionsAndSeries_DoesNotUpdate()
    {
        var chart = RenderChart(Bars, Deals);

        chart.Render(p => p.Add(c => c.Options, Bars with { }).Add(c => c.Series, [new ChartSeries("Enterprise", [2_400_000m, null])]));

        _module.VerifyInvoke("create");
        _module.VerifyNotInvoke("update");
    }

    [Fact]
    public void Rerender_ChangedSeries_UpdatesSeriesOnly()
    {
        var chart = RenderChart(Bars, Deals);

        chart.Render(p => p.Add(c => c.Series, [new ChartSeries("Enterprise", [2_400_000m, 400_000m])]));

        var update = _module.VerifyInvoke("update");
        Assert.Null(update.Arguments[1]);
        Assert.Equal("""[{"name":"Enterprise","data":[2400000,400000]}]""", update.Arguments[2]);
    }

    [Fact]
    public void Rerender_ChangedOptions_UpdatesOptions()
    {
        var chart = RenderChart(Bars, Deals);

        chart.Render(p => p.Add(c => c.Options, Bars with { Stacked = true }));

        var update = _module.VerifyInvoke("update");
        Assert.Contains("\"stacked\":true", (string)update.Arguments[1]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_Created_DestroysTheChart()
    {
        RenderChart(Bars, Deals);
        var id = _module.VerifyInvoke("create").Arguments[1];

        await DisposeComponentsAsync();

        Assert.Equal(id, _module.VerifyInvoke("destroy").Arguments[0]);
    }

    [Fact]
    public async Task Dispose_CircuitGone_IsSwallowed()
    {
        _module.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));
        var chart = RenderChart(Bars, Deals);

        // Called directly: the renderer would report a dispose exception rather than throw it here.
        var thrown = await Record.ExceptionAsync(() => chart.Instance.DisposeAsync().AsTask());

        Assert.Null(thrown);
        _module.VerifyInvoke("destroy");
    }

    [Fact]
    public void FirstRender_ScriptFails_ShowsErrorInPlace()
    {
        _module.SetupVoid("create", _ => true).SetException(new JSException("ApexCharts could not be loaded"));

        var chart = RenderChart(Bars, Deals);

        chart.WaitForElement("[data-testid=chart-error]");
    }

    private IRenderedComponent<ApexChart> RenderChart(ApexChartOptions options, IReadOnlyList<ChartSeries> series) =>
        Render<ApexChart>(p => p
            .Add(c => c.Options, options)
            .Add(c => c.Series, series)
            .AddUnmatched("data-testid", "deals-chart"));
}
