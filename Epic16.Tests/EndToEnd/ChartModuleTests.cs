using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.EndToEnd;

/// <summary>The chart module in Chromium: a chart component that left the page before its first render reached the browser.</summary>
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
}
