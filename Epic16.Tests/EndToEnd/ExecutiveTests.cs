using System.Text;
using System.Text.RegularExpressions;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>The executive view in Chromium on the real app: charts, the date filter, escaped names in tooltips, read-only access, print, and every role's home.</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class ExecutiveTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Exec-Pass1!";

    // Series each chart draws, whatever the data (an empty chart shows its empty state instead).
    private static readonly Dictionary<string, int> SeriesPerChart = new()
    {
        ["funnel"] = 2, ["weighted"] = 1, ["cases"] = 2, ["roi"] = 2, ["campaigns"] = 1, ["health"] = 1, ["healthtrend"] = 4, ["slip"] = 1,
    };

    [Fact]
    public async Task Executive_ChartsFilterAndTooltips_ReadOnlyWithoutConsoleErrors()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"exec.{tag}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Executive);
        await ExecutiveWorld.SeedAsync(App, tag);
        var page = await NewPageAsync();
        var errors = WatchConsole(page);

        await DashboardApp.SignInAsync(page, email, Password);
        await page.GotoAsync("/executive");
        await DashboardApp.WaitForCircuitAsync(page);
        await ExpectChartsAsync(page);
        var funnelBefore = await page.Locator("[data-testid=chart-funnel] [data-testid=chart-summary]").InnerTextAsync();
        await DashboardApp.ScreenshotAsync(page, "executive-light");

        // 2019 holds only this test's figures: two open prospects created in March and May, one slipping client, one live after 41 days.
        await page.Locator("input[data-testid=filter-from], [data-testid=filter-from] input").First.FillAsync("2019-01-01");
        await page.Locator("input[data-testid=filter-to], [data-testid=filter-to] input").First.FillAsync("2019-12-31");
        await page.Locator("input[data-testid=filter-to], [data-testid=filter-to] input").First.PressAsync("Tab");
        await page.ClickAsync("[data-testid=filter-apply]");
        await Expect(page.Locator("[data-testid=chart-weighted] .apexcharts-xaxis-label tspan")).ToHaveTextAsync(["2019-03", "2019-05"]);
        await Expect(page.Locator("[data-testid=kpi-golive] [data-testid=kpi-value]")).ToHaveTextAsync("41 days");
        await Expect(page.Locator("[data-testid=chart-slip] .apexcharts-bar-area")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=chart-funnel] [data-testid=chart-summary]")).Not.ToHaveTextAsync(funnelBefore);
        await ExpectChartsAsync(page);

        // The campaign named with markup is the top bar; its tooltip shows the characters, not bold text.
        var campaigns = page.Locator("[data-testid=chart-campaigns]");
        await campaigns.Locator("path.apexcharts-bar-area").First.HoverAsync(new() { Force = true });
        await Expect(campaigns.Locator(".apexcharts-tooltip-title")).ToHaveTextAsync(ExecutiveWorld.CampaignName(tag));
        await Expect(campaigns.Locator(".apexcharts-tooltip b")).ToHaveCountAsync(0);

        // Nothing to edit: the only buttons are the filter, CSV, print and chart download ones.
        var buttons = await page.Locator("main button").EvaluateAllAsync<string[]>("els => els.map(e => (e.getAttribute('aria-label') || e.innerText).trim())");
        Assert.All(buttons, b => Assert.Matches(ReadOnlyButton(), b));
        await page.GotoAsync("/onboarding");
        await DashboardApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=snapshot-now]")).ToHaveCountAsync(0);
        await page.GotoAsync("/admin/migration");
        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=nav-admin-migration]")).ToHaveCountAsync(0);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Executive_DarkModeAndPrint_ChartsDrawnAndTheSummaryFitsOnePage()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"exec.print.{tag}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Executive);
        await ExecutiveWorld.SeedAsync(App, tag, year: 2018);
        var page = await NewPageAsync();
        var errors = WatchConsole(page);
        await DashboardApp.SignInAsync(page, email, Password);
        await page.ClickAsync("[data-testid=dark-toggle]");
        await page.GotoAsync("/executive");
        await DashboardApp.WaitForCircuitAsync(page);
        await ExpectChartsAsync(page);
        await DashboardApp.ScreenshotAsync(page, "executive-dark");

        // Printed from dark mode: the sheet is still white with black text. The viewport is A4 landscape's printable area.
        await page.SetViewportSizeAsync(1062, 733);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("[data-testid=exec-filters]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=exec-print-stamp]")).ToContainTextAsync("Prospects created since the start to date");
        await page.WaitForTimeoutAsync(1_000); // ApexCharts redraws for the narrower columns
        await page.ScreenshotAsync(new() { Path = RepositoryRoot.Combine("TestResults", "screenshots", "executive-print.png"), FullPage = true });
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, Path = RepositoryRoot.Combine("TestResults", "screenshots", "executive-print.pdf") });

        Assert.Single(PdfPages().Matches(Encoding.Latin1.GetString(pdf)));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(AppRoles.Sales, new[] { "due", "hottest" }, "/acquisition/pipeline")]
    [InlineData(AppRoles.CustomerSuccess, new[] { "escalations", "atrisk" }, "/onboarding/escalations")]
    [InlineData(AppRoles.Executive, new[] { "kpi-open", "kpi-weighted", "kpi-arr" }, "/executive")]
    [InlineData(AppRoles.Admin, new[] { "mode", "quarantine", "triggers" }, "/admin/migration/status")]
    public async Task Home_EachRole_ShowsItsTilesLinkingToTheirPages(string role, string[] tiles, string firstHref)
    {
        var email = $"home.{role.ToLowerInvariant()}.{Guid.NewGuid():N}@epic16.test";
        await ExecutiveWorld.EnsureLegacyAsync(App);
        await App.SeedUserAsync(email, Password, role);
        var page = await NewPageAsync();

        await DashboardApp.SignInAsync(page, email, Password);
        await page.GotoAsync("/");
        await DashboardApp.WaitForCircuitAsync(page);

        foreach (var tile in tiles)
        {
            await Expect(page.Locator($"[data-testid=role-tile-{tile}] [data-testid=role-tile-value]")).ToBeVisibleAsync();
        }

        Assert.Equal(firstHref, await page.Locator($"[data-testid=role-tile-{tiles[0]}] a").GetAttributeAsync("href"));
        await Expect(page.Locator("[data-testid=role-tiles-unavailable]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-paper[data-testid^=role-tile-]")).ToHaveCountAsync(role == AppRoles.Executive ? 6 : tiles.Length);
    }

    private static async Task ExpectChartsAsync(IPage page)
    {
        foreach (var (key, series) in SeriesPerChart)
        {
            var chart = page.Locator($"[data-testid=chart-{key}]");
            // The first load reads every figure of the shared demo data: on a busy 2-core machine that can take seconds.
            await Expect(chart.Locator("svg.apexcharts-svg")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await Expect(chart.Locator("svg.apexcharts-svg g.apexcharts-series")).ToHaveCountAsync(series, new() { Timeout = 30_000 });
        }
    }

    [GeneratedRegex(@"^(Apply|Download CSV|Print summary|Download .+)$")]
    private static partial Regex ReadOnlyButton();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPages();
}
