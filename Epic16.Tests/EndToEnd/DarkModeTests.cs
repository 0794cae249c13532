using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class DarkModeTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Dark-Pass1!";
    private const string Background = "() => getComputedStyle(document.body).backgroundColor";

    [Fact]
    public async Task DarkToggle_Reload_StaysDark()
    {
        var email = $"dark.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Executive);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);
        var light = await page.EvaluateAsync<string>(Background);

        await page.ClickAsync("[data-testid=dark-toggle]");
        await page.WaitForFunctionAsync($"light => ({Background})() !== light", light);
        var dark = await page.EvaluateAsync<string>(Background);
        await WaitForSavedPreferenceAsync(email);
        await page.ReloadAsync();
        await DashboardApp.WaitForCircuitAsync(page);

        Assert.NotEqual(light, dark);
        Assert.Equal(dark, await page.EvaluateAsync<string>(Background));
        await DashboardApp.ScreenshotAsync(page, "home-dark");
    }

    // The toggle re-renders before its save finishes; reloading earlier would race the save, not test it.
    private async Task WaitForSavedPreferenceAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
            if (user?.PrefersDarkMode == true)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the dark-mode choice was not saved on the account");
    }
}
