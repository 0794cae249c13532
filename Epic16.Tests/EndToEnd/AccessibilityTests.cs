using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Epic16.Tests.EndToEnd;

/// <summary>
/// WCAG 2.1 A and AA (axe-core's rules) on every page each role can open (<see cref="AppRoutes"/>, detail pages through a
/// link to them from the demo data), in light and in dark mode, with every tab of a page and every chart's table view.
/// One app with the demo data, one browser, one sign-in per role.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccessibilityTests(DemoDashboard demo) : IClassFixture<DemoDashboard>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static TheoryData<string> Roles => [.. AppRoles.All];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryPage_LightAndDark_HasNoWcag21AAViolation(string role)
    {
        var page = await demo.App.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await DashboardApp.SignInAsync(page, DemoDashboard.EmailOf(role), DemoDashboard.Password);
        var report = new StringBuilder();
        var checkedViews = new List<string>();

        foreach (var dark in new[] { false, true })
        {
            await SetDarkModeAsync(page, role, dark);
            var links = new List<string>();
            foreach (var route in AppRoutes.For(role))
            {
                var path = route.HasParameters ? links.FirstOrDefault(route.Matches) : route.Template;
                if (path is null)
                {
                    report.AppendLine($"{route.Template}: no page {role} can open links to it, so it was not checked (the demo data should lead there).");
                    continue;
                }

                await OpenAsync(page, path);
                links.AddRange(await page.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => new URL(a.href).pathname)"));
                checkedViews.AddRange(await CheckPageAsync(page, $"{path} ({(dark ? "dark" : "light")})", role == AppRoles.Admin, report));
            }
        }

        await page.Context.CloseAsync();
        Assert.Contains("/ (dark)", checkedViews);
        Assert.True(report.Length == 0, $"{role}: WCAG 2.1 AA violations on {checkedViews.Count} views checked:\n{report}");
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await DashboardApp.WaitForCircuitAsync(page);
        await SettleAsync(page);
    }

    // Data loads after the circuit starts, and ApexCharts draws after that: wait for both before judging the page.
    private static async Task SettleAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=chart-image]')].every(c => c.hidden || c.querySelector('svg.apexcharts-svg'))");
        await page.WaitForTimeoutAsync(400);
    }

    /// <summary>Runs axe on the page as it opens, with its charts as tables, and on each of its other tabs.</summary>
    private static async Task<List<string>> CheckPageAsync(IPage page, string view, bool screenshot, StringBuilder report)
    {
        var views = new List<string> { view };
        await CheckAsync(page, view, report);
        if (screenshot)
        {
            await DashboardApp.ScreenshotAsync(page, "a11y-" + string.Concat(view.Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-'));
        }

        if (await ShowChartsAsTablesAsync(page))
        {
            views.Add($"{view} charts as tables");
            await CheckAsync(page, views[^1], report);
        }

        var tabs = page.Locator("[role=tab]");
        var count = await tabs.CountAsync();
        for (var i = 0; i < count; i++)
        {
            if (await tabs.Nth(i).GetAttributeAsync("aria-selected") == "true" || await tabs.Nth(i).IsDisabledAsync())
            {
                continue;
            }

            var name = (await tabs.Nth(i).InnerTextAsync()).Trim();
            await tabs.Nth(i).ClickAsync();
            await SettleAsync(page);
            await ShowChartsAsTablesAsync(page);
            views.Add($"{view} tab \"{name}\"");
            await CheckAsync(page, views[^1], report);
        }

        return views;
    }

    private static async Task<bool> ShowChartsAsTablesAsync(IPage page)
    {
        var switches = page.Locator("input[data-testid=chart-table-switch]:not(:checked):visible");
        var any = false;
        while (await switches.CountAsync() > 0)
        {
            await switches.First.CheckAsync();
            any = true;
        }

        return any;
    }

    private static async Task CheckAsync(IPage page, string view, StringBuilder report) =>
        Describe(report, view, await page.RunAxe(Wcag21AA));

    private static void Describe(StringBuilder report, string view, AxeResult result)
    {
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"{view}: {violation.Id} ({violation.Impact}) {violation.Help}, {violation.Nodes.Length} element(s):");
            foreach (var node in violation.Nodes.Take(5))
            {
                report.AppendLine($"    {string.Join(" ", node.Target)}  {node.Html[..Math.Min(node.Html.Length, 160)]}");
                report.AppendLine($"      {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}");
            }
        }
    }

    private async Task SetDarkModeAsync(IPage page, string role, bool dark)
    {
        await OpenAsync(page, "/");
        var toggle = page.Locator("[data-testid=dark-toggle]");
        if (await IsDarkAsync(role) != dark)
        {
            await toggle.ClickAsync();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await IsDarkAsync(role) != dark)
            {
                Assert.True(DateTime.UtcNow < deadline, "the dark-mode choice was not saved");
                await Task.Delay(100);
            }
        }
    }

    private async Task<bool> IsDarkAsync(string role)
    {
        await using var scope = demo.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoDashboard.EmailOf(role));
        return user!.PrefersDarkMode;
    }
}
