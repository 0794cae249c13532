using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.EndToEnd;

/// <summary>
/// The chart modules in Chromium: a chart component that left the page before its first render reached the browser; a chart
/// page that starts loading ApexCharts before its circuit; a chart whose script cannot load.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ChartModuleTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Chart-Pass1!";

    // Found by the load bench: leaving the pipeline as its board appeared made the chart's create() arrive with no element. It
    // threw and kept an entry without an element, and every later create() in the tab threw on it, so every chart after
    // that said it could not be drawn until the page was reloaded.
    [Theory]
    [InlineData("/Components/Charts/ApexChart.razor.js")]
    [InlineData("/Components/Pages/Abm/TouchpointTimeline.razor.js")]
    public async Task Create_WithoutElement_KeepsNothingAndTheNextChartStillDraws(string module)
    {
        var email = $"charts.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Executive);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);

        var svgs = await page.EvaluateAsync<int>("""
            async ([module, script, timeline]) => {
              const charts = await import(module);
              const host = document.createElement('div');
              document.body.appendChild(host);
              if (timeline) {
                const model = JSON.stringify({ height: 200, points: [{ row: 'Acme', from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 0, 6), id: 1, label: 'Email', colorVariable: '--mud-palette-primary' }] });
                await charts.create(null, 'left-early', script, model, null, false);
                await charts.create(host, 'drawn-later', script, model, null, false);
              } else {
                const options = JSON.stringify({ chart: { type: 'bar', height: 200 }, xaxis: { categories: ['a', 'b'] }, epic16: { valueFormat: 'number' } });
                const series = JSON.stringify([{ name: 'n', data: [1, 2] }]);
                await charts.create(null, 'left-early', script, options, series);
                await charts.create(host, 'drawn-later', script, options, series);
              }
              return host.querySelectorAll('svg').length;
            }
            """, new object[] { module, "/lib/apexcharts/apexcharts.min.js", module.Contains("Timeline", StringComparison.Ordinal) });

        Assert.True(svgs > 0, $"{module}: the chart after the element-less create drew no SVG");
    }

    // The prerendered chart names the script (data-apexcharts-src), so wwwroot/js/epic16.js asks for it while the circuit is
    // still starting; before, the chart's first interactive render did, after the circuit's WebSocket was open.
    [Fact]
    public async Task ChartPage_AsksForApexChartsBeforeItsCircuitStarts_OnceForThePage()
    {
        await App.EnsureLegacyDemoDataAsync();
        var email = $"charts.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Admin);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);
        var seen = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("apexcharts", StringComparison.Ordinal))
            {
                lock (seen) { seen.Add("script"); }
            }
        };
        page.WebSocket += (_, socket) =>
        {
            lock (seen) { seen.Add("circuit"); }
        };

        await page.GotoAsync("/acquisition/pipeline");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=weighted-chart] svg.apexcharts-svg")).ToHaveCountAsync(1);

        lock (seen)
        {
            Assert.Equal(["script", "circuit"], seen);
        }

        Assert.Equal(1, await page.Locator("script[data-apexcharts]").CountAsync());
    }

    [Fact]
    public async Task ChartPage_WhoseScriptCannotLoad_SaysSoInThePlaceOfTheChart()
    {
        await App.EnsureLegacyDemoDataAsync();
        var email = $"charts.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Admin);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);
        await page.RouteAsync("**/apexcharts*", route => route.AbortAsync());

        await page.GotoAsync("/acquisition/pipeline");

        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=weighted-chart] [data-testid=chart-error]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("svg.apexcharts-svg").CountAsync());
    }
}
