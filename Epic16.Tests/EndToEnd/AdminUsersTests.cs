using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class AdminUsersTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Admin-Pass1!";

    [Fact]
    public async Task AddUser_AdminFillsForm_UserAppearsInTable()
    {
        var admin = $"admin.{Guid.NewGuid():N}@epic16.test";
        var added = $"added.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(admin, Password, AppRoles.Admin);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, admin, Password);

        await page.ClickAsync("[data-testid=nav-admin-users]");
        await Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync(admin);
        await page.Locator("[data-testid=new-email] input, input[data-testid=new-email]").First.FillAsync(added);
        await page.Locator("[data-testid=new-password] input, input[data-testid=new-password]").First.FillAsync("Added-User-Pass1!");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-testid=new-roles]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = AppRoles.CustomerSuccess }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("[data-testid=add-user]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=add-user]");

        var row = page.Locator("[data-testid=users-table] tr").Filter(new() { HasText = added });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=users-error]")).ToHaveCountAsync(0);
        await DashboardApp.ScreenshotAsync(page, "admin-users");
    }
}
