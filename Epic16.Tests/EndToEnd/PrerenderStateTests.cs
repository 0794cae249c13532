using Epic16.Domain.Abm.Content;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>
/// A page that carries its prerendered data into the circuit ([PersistentState]): the browser sends that state back in the
/// circuit's first message, which Blazor's default 32 KB limit refused for the health board (the circuit never started).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PrerenderStateTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Prerender-Pass1!";

    [Fact]
    public async Task ContentLibrary_StateOverThirtyTwoKilobytes_StartsTheCircuitAndFilters()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"prerender.{tag}@epic16.test";
        await App.SeedUserAsync(email, Password, AppRoles.Admin);
        await ExecutiveWorld.EnsureLegacyAsync(App);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentLibraryService>();
            for (var i = 0; i < 60; i++)
            {
                var title = $"{tag} guide {i:D2}: " + string.Concat(Enumerable.Repeat("what a Fortune 500 CFO asks before signing, ", 14));
                await content.SaveAsync(SystemUser.Cli, null, new ContentAssetInput { Title = title, AssetType = "whitepaper", FunnelStage = "decision" });
            }
        }

        var page = await NewPageAsync();
        var errors = WatchConsole(page);
        await DashboardApp.SignInAsync(page, email, Password);

        var html = await (await page.Context.APIRequest.GetAsync("/abm/content")).TextAsync();
        var state = System.Text.RegularExpressions.Regex.Match(html, "<!--Blazor-Server-Component-State:([^-]*)-->");
        Assert.True(state.Success && state.Groups[1].Length > 32 * 1024, $"persisted state of {state.Groups[1].Length} chars");

        await page.GotoAsync("/abm/content");
        await DashboardApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=content-filters] input").First.FillAsync($"{tag} guide 07");
        await Expect(page.Locator("[data-testid=content-count]")).ToHaveTextAsync("1 asset(s)");
        await Expect(page.Locator("[data-testid=content-card]")).ToContainTextAsync($"{tag} guide 07");
        Assert.Empty(errors);
    }
}
