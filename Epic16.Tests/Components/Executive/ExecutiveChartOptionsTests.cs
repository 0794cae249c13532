using System.Text.Json;
using Epic16.Dashboard.Components.Charts;
using Epic16.Dashboard.Components.Pages.Executive;
using Epic16.Domain.Executive;

namespace Epic16.Tests.Components.Executive;

/// <summary>The options and series each executive chart hands to ApexCharts for known figures, markup in names included.</summary>
public sealed class ExecutiveChartOptionsTests
{
    private static readonly ExecutiveSeries Campaigns = new("campaigns", "Attributed pipeline per campaign",
        ["<img src=x onerror=alert(1)>", "Spring & Co"], [new("Influenced pipeline (USD)", [120_000m, 30_000.5m])]);

    private static readonly ExecutiveSeries Roi = new("roi", "Invested against realised value (cumulative)",
        ["2026-01", "2026-02"], [new("Invested (USD)", [1_000m, 1_500m]), new("Realised (USD)", [0m, 2_000m])]);

    [Fact]
    public void Campaigns_HorizontalMoneyBars_CarryTheNamesAsTextForTheEscapingFormatters()
    {
        var json = ApexChartConfig.Build(ExecutiveCharts.OptionsOf(Campaigns), ExecutiveCharts.SeriesOf(Campaigns));
        using var options = JsonDocument.Parse(json.Options);
        using var series = JsonDocument.Parse(json.Series);

        Assert.Equal("bar", options.RootElement.GetProperty("chart").GetProperty("type").GetString());
        Assert.True(options.RootElement.GetProperty("plotOptions").GetProperty("bar").GetProperty("horizontal").GetBoolean());
        Assert.Equal(["<img src=x onerror=alert(1)>", "Spring & Co"],
            options.RootElement.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.False(options.RootElement.GetProperty("chart").GetProperty("toolbar").GetProperty("show").GetBoolean());
        Assert.Equal(1, series.RootElement.GetArrayLength());
        Assert.Equal([120_000m, 30_000.5m], series.RootElement[0].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()));
    }

    [Fact]
    public void Roi_Lines_TwoSeriesOverTheMonths()
    {
        var json = ApexChartConfig.Build(ExecutiveCharts.OptionsOf(Roi), ExecutiveCharts.SeriesOf(Roi));
        using var options = JsonDocument.Parse(json.Options);
        using var series = JsonDocument.Parse(json.Series);

        Assert.Equal("line", options.RootElement.GetProperty("chart").GetProperty("type").GetString());
        Assert.Equal(["2026-01", "2026-02"], options.RootElement.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Invested (USD)", "Realised (USD)"], series.RootElement.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([0m, 2_000m], series.RootElement[1].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()));
    }
}
