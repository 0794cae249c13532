using Bunit;
using Epic16.Dashboard.Components.Pages.Abm;
using Epic16.Domain.Abm.Content;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Epic16.Tests.Components.Abm;

/// <summary>The content library's add and edit form over the real service on a fresh PostgreSQL store.</summary>
public sealed class ContentLibraryPageTests(PostgresServer postgres) : AbmPageContext(postgres, typeof(ContentLibraryService))
{
    private ContentLibraryService Content => Domain.GetRequiredService<ContentLibraryService>();

    [Fact]
    public async Task Add_WithoutTitleOrType_NamesBothFieldsAndSavesNothing()
    {
        await UseStoreAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ContentLibraryPage>();

        await page.InvokeAsync(() => page.Find("[data-testid=asset-add]").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=asset-save]"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=asset-save]").Click());

        dialogs.WaitForAssertion(() => Assert.Contains("The asset was not saved", dialogs.Find("[data-testid=asset-message]").TextContent));
        Assert.Contains("The title is required.", dialogs.Markup);
        Assert.Contains("Pick the asset type", dialogs.Markup);
        Assert.Empty(await Content.ListAsync(Rep, new ContentQuery()));
    }

    [Fact]
    public async Task Edit_BadUrlThenGoodTitle_RefusesTheUrlThenSavesAndTheCardShowsTheMarkupAsText()
    {
        await UseStoreAsync();
        var id = await Content.SaveAsync(Rep, null, new ContentAssetInput { Title = "ROI guide", AssetType = "case_study", FunnelStage = "decision" });
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ContentLibraryPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=content-card]")));

        await page.InvokeAsync(() => page.Find("[data-testid=asset-edit]").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=asset-save]"));
        await dialogs.InvokeAsync(() => dialogs.Find("input[data-testid=asset-url], [data-testid=asset-url] input").Change("javascript:alert(1)"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=asset-save]").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("full http:// or https:// address", dialogs.Markup));
        Assert.Null((await Content.ListAsync(Rep, new ContentQuery())).Single().Url);

        await dialogs.InvokeAsync(() => dialogs.Find("input[data-testid=asset-url], [data-testid=asset-url] input").Change("https://content.test/roi"));
        await dialogs.InvokeAsync(() => dialogs.Find("input[data-testid=asset-title], [data-testid=asset-title] input").Change("ROI <b>guide</b> 2027"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=asset-save]").Click());

        page.WaitForAssertion(() => Assert.Contains("ROI <b>guide</b> 2027", page.Find("[data-testid=content-card]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=content-card] b"));
        var saved = (await Content.ListAsync(Rep, new ContentQuery())).Single();
        Assert.Equal((id, "ROI <b>guide</b> 2027", "https://content.test/roi", "case_study", "decision"), (saved.Id, saved.Title, saved.Url, saved.AssetType, saved.FunnelStage));
    }

    [Fact]
    public async Task ManyAssets_ShowAPageOfCards_AndASavedAssetIsShownOnItsPage()
    {
        await UseStoreAsync();
        for (var i = 1; i <= 30; i++)
        {
            await Content.SaveAsync(Rep, null, new ContentAssetInput { Title = $"Guide {i:00}", AssetType = "whitepaper" });
        }

        var dialogs = Render<MudDialogProvider>();
        var page = Render<ContentLibraryPage>();
        page.WaitForAssertion(() => Assert.Equal(ContentLibraryPage.PageSize, page.FindAll("[data-testid=content-card]").Count));
        Assert.Equal("30 asset(s)", page.Find("[data-testid=content-count]").TextContent);
        Assert.Contains("showing 1–24", page.Find("[data-testid=content-shown]").TextContent);
        Assert.Contains("Guide 01", page.FindAll("[data-testid=content-card]")[0].TextContent);

        await page.InvokeAsync(() => page.FindAll("[data-testid=content-pages] button").First(b => b.TextContent.Trim() == "2").Click());
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid=content-card]").Count));
        Assert.Contains("Guide 25", page.FindAll("[data-testid=content-card]")[0].TextContent);

        // Back on page 1, an asset whose title sorts first after the filter's reload opens the page that shows it.
        await page.InvokeAsync(() => page.FindAll("[data-testid=content-pages] button").First(b => b.TextContent.Trim() == "1").Click());
        page.WaitForAssertion(() => Assert.Contains("showing 1–24", page.Find("[data-testid=content-shown]").TextContent));
        await page.InvokeAsync(() => page.Find("[data-testid=asset-add]").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=asset-save]"));
        await dialogs.InvokeAsync(() => dialogs.Find("input[data-testid=asset-title], [data-testid=asset-title] input").Change("Zebra playbook"));
        var type = dialogs.FindComponents<MudSelect<string>>().First(s => s.Instance.Label == "Asset type");
        await dialogs.InvokeAsync(() => type.Instance.ValueChanged.InvokeAsync("case_study"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=asset-save]").Click());

        page.WaitForAssertion(() => Assert.Contains("showing 25–31", page.Find("[data-testid=content-shown]").TextContent));
        Assert.Contains("Zebra playbook", page.FindAll("[data-testid=content-card]").Last().TextContent);
    }
}
