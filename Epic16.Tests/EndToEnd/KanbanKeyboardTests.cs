using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>The kanban without a mouse: Tab to a card's "Move to…" menu, arrows and Enter to move it and back; the lost-reason dialog by keyboard.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class KanbanKeyboardTests(DashboardApp app) : BrowserTest(app)
{
    private const string Password = "E2e-Keys-Pass1!";

    [Fact]
    public async Task MoveMenu_KeyboardOnly_MovesACardToTheNextStageAndBack()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var sales = $"keys.{tag}@epic16.test";
        var id = await SeedAsync(tag, sales);
        var page = await NewPageAsync();
        await DashboardApp.SignInAsync(page, sales, Password);
        await page.GotoAsync("/acquisition/pipeline");
        await DashboardApp.WaitForCircuitAsync(page);
        await page.Locator("input[data-testid=filter-search], [data-testid=filter-search] input").First.FocusAsync();
        await page.Keyboard.TypeAsync(tag);
        await Expect(page.Locator("[data-testid=kanban] [data-testid^=card-]")).ToHaveCountAsync(1);

        await TabToAsync(page, $"[data-testid=card-{id}] [data-testid=move-menu] button");
        await ChooseAsync(page, ProspectStatus.Researching);

        await Expect(page.Locator($"[data-testid=column-researching] [data-testid=card-{id}]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=pipeline-announcement]")).ToContainTextAsync($"Keys {tag} moved to Researching");
        Assert.Equal(ProspectStatus.Researching, await StageOfAsync(id));
        // Focus followed the card to its new column, so the way back needs no Tab.
        await WaitForFocusAsync(page, $"[data-testid=column-researching] [data-testid=card-{id}] [data-testid=move-menu] button");

        await ChooseAsync(page, ProspectStatus.Identified);

        await Expect(page.Locator($"[data-testid=column-identified] [data-testid=card-{id}]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=pipeline-announcement]")).ToContainTextAsync($"Keys {tag} moved to Identified");
        Assert.Equal(ProspectStatus.Identified, await StageOfAsync(id));

        // Lost asks for a reason: the dialog takes focus, and cancelling it gives focus back to the card, which stays.
        await WaitForFocusAsync(page, $"[data-testid=column-identified] [data-testid=card-{id}] [data-testid=move-menu] button");
        await ChooseAsync(page, ProspectStatus.Lost);
        // The dialog takes focus: MudDialog puts it on the reason field or on its own focus-trap root inside the dialog.
        await WaitForFocusAsync(page, "[data-testid=lost-dialog], [data-testid=lost-reason], .mud-dialog-container");
        await TabToAsync(page, "[data-testid=lost-cancel]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=pipeline-announcement]")).ToHaveTextAsync("Move cancelled.");
        await WaitForFocusAsync(page, $"[data-testid=column-identified] [data-testid=card-{id}] [data-testid=move-menu] button");
        Assert.Equal(ProspectStatus.Identified, await StageOfAsync(id));
    }

    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await IsFocusedAsync(page, selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    // Enter opens the menu; arrows walk its items until the stage's item has focus; Enter moves the card.
    private static async Task ChooseAsync(IPage page, string stage)
    {
        await page.Keyboard.PressAsync("Enter");
        var item = $".mud-popover-open [data-testid=move-to-{stage}]";
        await page.Locator(item).WaitForAsync();
        // Each arrow moves focus after a round trip: let it settle before judging, or a fast loop passes the item by.
        var reached = await SettlesOnAsync(page, item);
        for (var i = 0; i < 16 && !reached; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            reached = await SettlesOnAsync(page, item);
        }

        Assert.True(reached, $"the arrows never reached {item}");
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task<bool> SettlesOnAsync(IPage page, string selector)
    {
        try
        {
            await page.WaitForFunctionAsync("s => { const e = document.activeElement; return !!e && (e.matches(s) || !!e.closest(s)); }", selector, new() { Timeout = 400 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static Task<bool> IsFocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => { const e = document.activeElement; return !!e && (e.matches(s) || !!e.closest(s)); }", selector);

    private static async Task WaitForFocusAsync(IPage page, string selector)
    {
        try
        {
            await page.WaitForFunctionAsync("s => { const e = document.activeElement; return !!e && (e.matches(s) || !!e.closest(s)); }", selector, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 300) ?? 'nothing'");
            Assert.Fail($"focus is not on {selector} but on {focused}");
        }
    }

    private async Task<long> SeedAsync(string tag, string sales)
    {
        await App.EnsureLegacyDemoDataAsync();

        await App.SeedUserAsync(sales, Password, AppRoles.Sales);
        await using var scope = App.Services.CreateAsyncScope();
        var prospect = await scope.ServiceProvider.GetRequiredService<ProspectService>().CreateProspectAsync(SystemUser.Cli, new ProspectInput
        {
            CompanyName = $"Keys {tag}", EstimatedArrUsd = 250_000m, Owner = sales, Industry = "Retail",
        });
        return prospect.Id;
    }

    private async Task<string> StageOfAsync(long id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProspectService>().GetProspectAsync(SystemUser.Cli, id))!.Status;
    }
}
