using System.Net;
using Epic16.Dashboard.Components.Layout;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>Roles without Sales or Admin are refused every Sales and Admin page; the fallback policy; password change works.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccountLifecycleTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Account-Pass1!";

    public static TheoryData<string> NonSalesRoles => new(AppRoles.CustomerSuccess, AppRoles.Executive);

    [Theory]
    [MemberData(nameof(NonSalesRoles))]
    public async Task EverySalesAndAdminPage_RoleWithoutSalesOrAdmin_IsRefused(string role)
    {
        var email = $"{role.ToLowerInvariant()}.refused.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, role);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);
        var pages = AppSections.All
            .Where(s => s.Policy is AppPolicies.WorkPipeline or AppPolicies.RunMigration or AppPolicies.ManageUsers)
            .Select(s => s.Href)
            .Append("/acquisition/prospects/1")
            .ToList();
        Assert.Equal(7, pages.Count);

        foreach (var path in pages)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            var refused = page.Url.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)
                || await page.Locator("[data-testid=access-denied]").CountAsync() > 0;
            Assert.True(refused, $"{role} was not refused {path} (ended on {page.Url})");
            await Expect(page.Locator("[data-testid=users-table], [data-testid=kanban], [data-testid=latency], [data-testid=page-error]")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task FallbackPolicy_EndpointWithoutAuthorize_ClosedToAnonymousCallers()
    {
        var fallback = await App.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        using var client = App.CreateHttpClient();

        // The circuit hub carries no [Authorize] of its own: the fallback closes it, the sign-in page and assets stay open.
        using var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        using var login = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        using var script = await client.GetAsync("/_framework/blazor.web.js", TestContext.Current.CancellationToken);

        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is DenyAnonymousAuthorizationRequirement);
        Assert.Contains(negotiate.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 10_000);
    }

    [Fact]
    public async Task ChangePassword_OldThenNew_NewPasswordSignsInAndOldIsRefused()
    {
        var email = $"exec.password.{Guid.NewGuid():N}@epic16.test";
        const string newPassword = "E2e-Changed-Pass2!";
        await App.SeedUserAsync(email, Password, AppRoles.Executive);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);

        await page.GotoAsync("/Account/Manage/ChangePassword");
        await page.FillAsync("#Input\\.OldPassword", Password);
        await page.FillAsync("#Input\\.NewPassword", newPassword);
        await page.FillAsync("#Input\\.ConfirmPassword", newPassword);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("Your password has been changed");

        var fresh = await NewPageAsync();
        await DashboardApp.SubmitSignInAsync(fresh, email, Password);
        await Expect(fresh.Locator("[data-testid=status-message]")).ToContainTextAsync("the e-mail or the password is wrong");
        await DashboardApp.SignInAsync(fresh, email, newPassword);
        await Expect(fresh.Locator("[data-testid=user-menu]")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task SignOut_FromTheUserMenuByKeyboard_EndsTheSession()
    {
        var email = $"sales.signout.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Sales);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);

        // The menu's activator is a button: focus it and open it with Enter, no pointer involved.
        await page.Locator("[data-testid=user-menu] button").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=sign-out]").ClickAsync();

        await page.WaitForURLAsync(url => !url.Contains("/Account/Logout", StringComparison.OrdinalIgnoreCase));
        await page.GotoAsync("/acquisition/pipeline");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }
}
