using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>
/// Role changes, lockouts and disabled accounts reach an open circuit without a reload. On an app of its own that
/// revalidates every second (the default is a minute), so the test does not wait a minute per case.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SessionRevalidationTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Password = "E2e-Session-Pass1!";

    private DashboardApp App { get; set; } = default!;

    public async ValueTask InitializeAsync() => App = await DashboardApp.StartAsync(
        await postgres.CreateDatabaseAsync("session"), new Dictionary<string, string?> { ["Security:RevalidationSeconds"] = "1" });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task DemotedAdmin_OpenUsersPage_LosesItWithoutReloadAndIsRefusedAfterSigningInAgain()
    {
        var (page, email) = await AdminOnUsersPageAsync();

        await AdministrationAsync(a => a.SetRolesAsync(SystemUser.Cli, email, [AppRoles.Sales]));

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        await DashboardApp.ScreenshotAsync(page, "session-demoted-admin-signed-out");
        await DashboardApp.SubmitSignInAsync(page, email, Password);

        // Signed in again as Sales, the way back to the users page ends on the access-denied page.
        await page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase));
        await Expect(page.Locator("[data-testid=users-table]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RoleRemovedBehindTheStampsBack_OpenCircuit_ComparesRolesAndEndsTheSession()
    {
        var (page, email) = await AdminOnUsersPageAsync();

        // Straight through Identity, as a script or another tool might: the stamp stays, the roles differ.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var stamp = await users.GetSecurityStampAsync(user);
            Assert.True((await users.RemoveFromRoleAsync(user, AppRoles.Admin)).Succeeded);
            Assert.Equal(stamp, await users.GetSecurityStampAsync(user));
        }

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task DisabledUser_OpenCircuit_IsSignedOutAndCannotSignIn()
    {
        var (page, email) = await AdminOnUsersPageAsync();

        await AdministrationAsync(a => a.SetDisabledAsync(SystemUser.Cli, email, disabled: true));

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 15_000 });
        await DashboardApp.SubmitSignInAsync(page, email, Password);
        await Expect(page.Locator("[data-testid=locked-out]")).ToBeVisibleAsync();
    }

    private async Task<(IPage Page, string Email)> AdminOnUsersPageAsync()
    {
        var email = $"admin.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Admin);
        var page = await App.NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);
        await page.GotoAsync("/admin/users");
        await DashboardApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync(email);
        // A few revalidation rounds pass with nothing changed: the session must stay.
        await Task.Delay(2500, TestContext.Current.CancellationToken);
        Assert.Contains("/admin/users", page.Url);
        return (page, email);
    }

    private async Task AdministrationAsync(Func<UserAdministration, Task> act)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await act(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }
}
