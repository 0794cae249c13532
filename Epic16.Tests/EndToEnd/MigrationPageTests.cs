using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class MigrationPageTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Migrate-Pass1!";

    [Fact]
    public async Task MigrateThenValidate_AdminOnDemoData_SeesProgressAndFullParity()
    {
        await App.EnsureLegacyDemoDataAsync();

        var admin = $"admin.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(admin, Password, AppRoles.Admin);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, admin, Password);
        await page.ClickAsync("[data-testid=nav-admin-migration]");
        await Expect(page.Locator("[data-testid=tables]")).ToContainTextAsync("f500_prospects");

        await page.ClickAsync("[data-testid=run-migrate]");
        await Expect(page.Locator("[data-testid=progress]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=result]")).ToContainTextAsync("3 quarantined", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=quarantine] tr").Filter(new() { HasText = "communications" })).ToContainTextAsync("occurred_at");
        await Expect(page.Locator("[data-testid=stat-quarantined]")).ToContainTextAsync("3");

        await page.ClickAsync("[data-testid=run-validate]");
        await Expect(page.Locator("[data-testid=result]")).ToContainTextAsync("Parity 100 %", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=result]")).ToContainTextAsync("the stores match");
        await Expect(page.Locator("[data-testid=stat-parity]")).ToContainTextAsync("100 %");
        await Expect(page.Locator("[data-testid=rows-chart] svg.apexcharts-svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=figures]")).ToContainTextAsync("epic7_open_pipeline_usd");
        await Expect(page.Locator("[data-testid=runs]")).ToContainTextAsync("migrate");

        await page.ClickAsync("[data-testid=run-backup]");
        await Expect(page.Locator("[data-testid=result]")).ToContainTextAsync("3 files", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=backups]")).ToContainTextAsync("epic16_abm_campaigns.db");
        await Expect(page.Locator("[data-testid=runs]")).ToContainTextAsync("backup");
        await DashboardApp.ScreenshotAsync(page, "migration-page");
    }

    [Fact]
    public async Task OpenPage_SalesUser_IsDenied()
    {
        var sales = $"sales.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(sales, Password, AppRoles.Sales);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, sales, Password);

        await page.GotoAsync("/admin/migration");

        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=run-migrate]")).ToHaveCountAsync(0);
    }
}
