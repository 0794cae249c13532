using System.Text.Json;
using Bunit;
using Epic16.Dashboard.Components.Charts;
using Epic16.Dashboard.Components.Shared;
using Epic16.Tests.TestSupport;
using Microsoft.JSInterop;

namespace Epic16.Tests.Components.Charts;

/// <summary>What every chart offers a reader without sight or mouse: summary, table view, safe text and no CSV export.</summary>
public sealed class ChartAccessibilityTests : BunitTestContext
{
    private static readonly ApexChartOptions Bars = new(ApexChartType.Bar)
    {
        Categories = ["<b>Acme</b>", "Beta & Co"],
        ValueFormat = ChartValueFormat.Money,
    };

    private static readonly IReadOnlyList<ChartSeries> Pipeline =
    [
        new("Open <i>pipeline</i>", [2_400_000m, 150_000.5m]),
        new("Weighted", [240_000m, null]),
    ];

    private readonly BunitJSModuleInterop _module;

    public ChartAccessibilityTests() => _module = JSInterop.SetupModule(ApexChart.ModulePath);

    [Fact]
    public void Options_AnyChart_ToolbarAndItsCsvExportAreOff()
    {
        foreach (var type in Enum.GetValues<ApexChartType>())
        {
            using var options = JsonDocument.Parse(ApexChartConfig.Build(Bars with { Type = type }, Pipeline).Options);
            var toolbar = options.RootElement.GetProperty("chart").GetProperty("toolbar");

            Assert.False(toolbar.GetProperty("show").GetBoolean());
            Assert.False(toolbar.GetProperty("tools").GetProperty("download").GetBoolean());
            Assert.False(toolbar.TryGetProperty("export", out _));
        }
    }

    [Fact]
    public void Options_MarkupInLabelsAndNames_TravelAsDataForTheEscapingFormatters()
    {
        RenderChart(Bars, Pipeline);

        var create = _module.VerifyInvoke("create");
        using var options = JsonDocument.Parse((string)create.Arguments[3]!);
        using var series = JsonDocument.Parse((string)create.Arguments[4]!);

        // The JSON carries the text as it is; the module's tooltip, legend and category formatters escape it
        // (ChartMarkupTests shows it in Chromium). Escaping here as well would show "&lt;b&gt;" on the SVG axis.
        Assert.Equal(["<b>Acme</b>", "Beta & Co"], options.RootElement.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Open <i>pipeline</i>", series.RootElement[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Render_Default_ChartIsAnImageDescribedByItsSummary()
    {
        var chart = RenderChart(Bars, Pipeline);

        var image = chart.Find("[data-testid=chart-image]");
        var summary = chart.Find("[data-testid=chart-summary]");
        Assert.Equal("Pipeline by company", image.GetAttribute("aria-label"));
        Assert.Equal(summary.Id, image.GetAttribute("aria-describedby"));
        Assert.Equal(
            "Bars for 2 categories. Open <i>pipeline</i>: highest $2,400,000 (<b>Acme</b>), lowest $150,000.50 (Beta & Co). Weighted: highest $240,000 (<b>Acme</b>), lowest $240,000 (<b>Acme</b>).",
            summary.TextContent);
        Assert.False(image.HasAttribute("hidden"));
        Assert.Empty(chart.FindAll("table"));
    }

    [Fact]
    public void Render_SummaryGiven_ShowsItInstead()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Bars).Add(c => c.Series, Pipeline).Add(c => c.AriaLabel, "Pipeline").Add(c => c.Summary, "Acme leads."));

        Assert.Equal("Acme leads.", chart.Find("[data-testid=chart-summary]").TextContent);
    }

    [Fact]
    public void ShowAsTable_Switched_ShowsTheSameFiguresAsAnAccessibleTableAndHidesTheDrawing()
    {
        var chart = RenderChart(Bars, Pipeline);

        chart.Find("[data-testid=chart-table-switch]").Change(true);

        var table = chart.Find("[data-testid=chart-table] table");
        Assert.Equal("Pipeline by company", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Category", "Open <i>pipeline</i>", "Weighted"], table.QuerySelectorAll("thead th").Select(h => h.TextContent));
        Assert.All(table.QuerySelectorAll("thead th"), h => Assert.Equal("col", h.GetAttribute("scope")));
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(["<b>Acme</b>", "Beta & Co"], rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent));
        Assert.Equal(["$2,400,000", "$240,000"], rows[0].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal(["$150,000.50", "—"], rows[1].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Empty(table.QuerySelectorAll("b, i")); // markup in data is text
        Assert.True(chart.Find("[data-testid=chart-image]").HasAttribute("hidden"));

        chart.Find("[data-testid=chart-table-switch]").Change(false);

        Assert.Empty(chart.FindAll("table"));
        Assert.False(chart.Find("[data-testid=chart-image]").HasAttribute("hidden"));
    }

    [Fact]
    public void ShowAsTable_TimeSeriesAndDonut_RowsAreTheMomentsAndTheSlices()
    {
        var timeline = ChartTable.From(new ApexChartOptions(ApexChartType.Line) { ValueFormat = ChartValueFormat.Percent },
        [
            new ChartSeries("SQLite", [new ChartPoint(new DateTimeOffset(2026, 3, 1, 10, 1, 0, TimeSpan.Zero), 12.5m)]),
            new ChartSeries("PostgreSQL", [new ChartPoint(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), 3m), new ChartPoint(new DateTimeOffset(2026, 3, 1, 10, 1, 0, TimeSpan.Zero), null)]),
        ]);
        var donut = ChartTable.From(new ApexChartOptions(ApexChartType.Donut) { Categories = ["Healthy", "At risk"] }, [new ChartSeries("Clients", new decimal?[] { 14m, 5m })]);

        Assert.Equal("Time", timeline.RowHeader);
        Assert.Equal(["SQLite", "PostgreSQL"], timeline.Columns);
        Assert.Equal(["2026-03-01 10:00 UTC", "2026-03-01 10:01 UTC"], timeline.Rows.Select(r => r.Label));
        Assert.Equal(["—", "3%"], timeline.Rows[0].Cells);
        Assert.Equal(["12.5%", "—"], timeline.Rows[1].Cells);
        Assert.Equal(["Clients"], donut.Columns);
        Assert.Equal([("Healthy", "14"), ("At risk", "5")], donut.Rows.Select(r => (r.Label, r.Cells.Single())));
        Assert.Equal("2 parts; the largest is Healthy with 14, 73.7% of 19.", ChartSummary.Describe(new ApexChartOptions(ApexChartType.Donut) { Categories = ["Healthy", "At risk"] }, [new ChartSeries("Clients", new decimal?[] { 14m, 5m })]));
    }

    [Fact]
    public void Summary_NoData_SaysSo()
    {
        Assert.Equal("No data to show.", ChartSummary.Describe(Bars, []));
        Assert.Equal("No data to show.", ChartSummary.Describe(Bars, [new ChartSeries("Open", new decimal?[] { null, null })]));
    }

    [Fact]
    public void FirstRender_ScriptFails_SaysSoInPlaceAndShowsTheTable()
    {
        _module.SetupVoid("create", _ => true).SetException(new JSException("ApexCharts could not be loaded"));

        var chart = RenderChart(Bars, Pipeline);

        chart.WaitForAssertion(() => Assert.Contains("could not be drawn", chart.Find("[data-testid=chart-error]").TextContent));
        Assert.Equal(2, chart.FindAll("[data-testid=chart-table] tbody tr").Count);
        Assert.Empty(chart.FindAll("[data-testid=chart-download]"));
    }

    [Fact]
    public void Download_Menu_OffersPngAndSvgOnlyAndNamesTheFileAfterTheChart()
    {
        var popovers = RenderPopoverProvider();
        var chart = RenderChart(Bars, Pipeline);
        _module.Setup<bool>("download", _ => true).SetResult(true);

        var button = chart.Find("[data-testid=chart-download] button");
        Assert.Equal("Download Pipeline by company", button.GetAttribute("aria-label"));
        button.Click();
        // The menu opens asynchronously (MudMenu renders its popover after the click's handler returns).
        popovers.WaitForAssertion(() => Assert.Equal(["PNG image", "SVG image"], popovers.FindAll(".mud-menu-item").Select(i => i.TextContent.Trim())));
        popovers.FindAll(".mud-menu-item")[1].Click();

        chart.WaitForAssertion(() => _module.VerifyInvoke("download"));
        var download = _module.VerifyInvoke("download");
        Assert.Equal(_module.VerifyInvoke("create").Arguments[1], download.Arguments[0]);
        Assert.Equal(["svg", "Pipeline by company"], download.Arguments.Skip(1).Cast<string>());
    }

    [Fact]
    public void ChartCard_TitleAndSummary_NameTheChartAndCaptionItsTable()
    {
        JSInterop.SetupModule(ApexChart.ModulePath);
        var card = Render<ChartCard>(p => p
            .Add(c => c.Title, "Weighted pipeline")
            .Add(c => c.Summary, "Most of it is in Proposal.")
            .Add(c => c.Options, Bars)
            .Add(c => c.Series, Pipeline)
            .Add(c => c.ChartTestId, "weighted-chart"));

        card.Find("[data-testid=weighted-chart] [data-testid=chart-table-switch]").Change(true);

        Assert.Equal("Weighted pipeline", card.Find("[data-testid=chart-image]").GetAttribute("aria-label"));
        Assert.Equal("Most of it is in Proposal.", card.Find("[data-testid=chart-summary]").TextContent);
        Assert.Equal("Weighted pipeline", card.Find("caption").TextContent);
    }

    private IRenderedComponent<ApexChart> RenderChart(ApexChartOptions options, IReadOnlyList<ChartSeries> series) =>
        Render<ApexChart>(p => p
            .Add(c => c.Options, options)
            .Add(c => c.Series, series)
            .Add(c => c.AriaLabel, "Pipeline by company"));
}
