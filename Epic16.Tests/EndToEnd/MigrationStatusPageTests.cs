using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class MigrationStatusPageTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Status-Pass1!";

    [Fact]
    public async Task OpenStatus_Admin_SeesModeTriggersAndLatencyUpdatingLive()
    {
        var admin = $"admin.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(admin, Password, AppRoles.Admin);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, admin, Password);

        await page.ClickAsync("[data-testid=nav-admin-migration-status]");

        await Expect(page.Locator("[data-testid=mode-stepper]")).ToHaveAttributeAsync("data-mode", "SqliteOnly");
        await Expect(page.Locator("[data-testid=mode-SqliteOnly]")).ToHaveAttributeAsync("aria-current", "step");
        await Expect(page.Locator("[data-testid=triggers] [data-tripped]")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=latency-Sqlite-5]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=latency-instances]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Every app instance's commands: \d+ instance\(s\) reported in the last 5 minutes"));
        await Expect(page.Locator("[data-testid=latency-chart] svg.apexcharts-svg")).ToHaveCountAsync(1);
        var first = await page.Locator("[data-testid=refreshed-at]").TextContentAsync();
        await Expect(page.Locator("[data-testid=refreshed-at]")).Not.ToHaveTextAsync(first!, new() { Timeout = 10_000 });
        await DashboardApp.ScreenshotAsync(page, "migration-status");
    }

    [Fact]
    public async Task OpenStatus_SalesUser_IsDenied()
    {
        var sales = $"sales.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(sales, Password, AppRoles.Sales);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, sales, Password);

        await page.GotoAsync("/admin/migration/status");

        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=mode-stepper]")).ToHaveCountAsync(0);
    }
}
