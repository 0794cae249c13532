using Epic16.Dashboard.Components.Layout;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class SignInTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Test-Pass1!";

    public static TheoryData<string> Roles => new(AppRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Drawer_SignedInRole_ListsExactlyTheSectionsItsPoliciesAllow(string role)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, role);
        var page = await NewPageAsync();

        await DashboardApp.SignInAsync(page, email, Password);
        await DashboardApp.ScreenshotAsync(page, $"home-{role}");
        var links = await page.Locator("[data-testid=nav] a[href]").EvaluateAllAsync<string[]>(
            "links => links.map(a => new URL(a.href).pathname)");

        var expected = AppSections.All
            .Where(s => AppPolicies.Roles[s.Policy].Contains(role))
            .Select(s => s.Href)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/", links);
        Assert.Equal(expected, links.Where(l => l != "/").Order(StringComparer.Ordinal).ToList());
        await Expect(page.Locator("[data-testid=tile]")).ToHaveCountAsync(expected.Count);
    }

    [Fact]
    public async Task AdminUsersPage_SalesUser_ShowsAccessDenied()
    {
        var email = $"sales.denied.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Sales);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);

        await page.GotoAsync("/admin/users");

        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=users-table]")).ToHaveCountAsync(0);
        await DashboardApp.ScreenshotAsync(page, "access-denied-sales");
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_ShowsLockedOut()
    {
        var email = $"lock.browser.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Executive);
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Expect(page.GetByTestId("app-title")).ToBeVisibleAsync();
        await DashboardApp.ScreenshotAsync(page, "login");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await DashboardApp.SubmitSignInAsync(page, email, "Wrong-Pass1!");
            await Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("the e-mail or the password is wrong");
        }

        await DashboardApp.SubmitSignInAsync(page, email, "Wrong-Pass1!");

        await Expect(page.Locator("[data-testid=locked-out]")).ToBeVisibleAsync();
        Assert.Contains("/Account/Lockout", page.Url);
        await DashboardApp.ScreenshotAsync(page, "locked-out");
    }
}
