using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>A lockout ends by itself after `Security:LockoutMinutes`, and an admin can end it early from the users page.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class LockoutRecoveryTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Password = "E2e-Lockout-Pass1!";

    private DashboardApp App { get; set; } = default!;

    // 0.25 minutes: a 15 s lockout, so the test can watch it expire.
    public async ValueTask InitializeAsync() => App = await DashboardApp.StartAsync(
        await postgres.CreateDatabaseAsync("lockout"), new Dictionary<string, string?> { ["Security:LockoutMinutes"] = "0.25" });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task Lockout_AfterItsTime_CorrectPasswordSignsIn()
    {
        var email = $"exec.expire.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Executive);
        var page = await App.NewPageAsync();
        await LockOutAsync(page, email);
        var lockedAt = DateTime.UtcNow;

        await DashboardApp.SubmitSignInAsync(page, email, Password);
        await Expect(page.Locator("[data-testid=locked-out]")).ToBeVisibleAsync();
        await Task.Delay(lockedAt.AddSeconds(16) - DateTime.UtcNow, TestContext.Current.CancellationToken);

        await DashboardApp.SignInAsync(page, email, Password);
        await Expect(page.Locator("[data-testid=user-menu]")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task Lockout_AdminUnlocksOnTheUsersPage_UserSignsInAtOnce()
    {
        await using var longLock = await DashboardApp.StartAsync(
            await postgres.CreateDatabaseAsync("lockout"), new Dictionary<string, string?> { ["Security:LockoutMinutes"] = "15" });
        var email = $"exec.unlock.{Guid.NewGuid():N}@epic16.test";
        var admin = $"admin.unlock.{Guid.NewGuid():N}@epic16.test";
        await longLock.SeedUserAsync(email, Password, AppRoles.Executive);
        await longLock.SeedUserAsync(admin, Password, AppRoles.Admin);
        var user = await longLock.NewPageAsync();
        await LockOutAsync(user, email);

        var adminPage = await longLock.NewPageAsync();
        await DashboardApp.SignInAsync(adminPage, admin, Password);
        await adminPage.ClickAsync("[data-testid=nav-admin-users]");
        var row = adminPage.Locator("[data-testid=users-table] tr").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("locked until");
        await row.Locator("[data-testid=unlock]").ClickAsync();
        await Expect(row).ToContainTextAsync("active");

        await DashboardApp.SignInAsync(user, email, Password);
        await Expect(user.Locator("[data-testid=user-menu]")).ToContainTextAsync(email);
    }

    private static async Task LockOutAsync(IPage page, string email)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await DashboardApp.SubmitSignInAsync(page, email, "Wrong-Pass1!");
        }

        await Expect(page.Locator("[data-testid=locked-out]")).ToBeVisibleAsync();
    }
}
