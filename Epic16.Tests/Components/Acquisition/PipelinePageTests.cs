using Bunit;
using Epic16.Dashboard.Components.Pages.Acquisition;
using Epic16.Domain.Acquisition;
using Epic16.Tests.TestSupport;
using MudBlazor;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.Components.Acquisition;

public sealed class PipelinePageTests(PostgresServer postgres) : SalesPageContext(postgres)
{
    [Fact]
    public async Task Render_SeededPipeline_ShowsAColumnPerStageWithCountsTotalsAndWeightedValues()
    {
        await UseStoreAsync();
        await CreateAsync("Acme Corp", ProspectStatus.Qualified, arr: 300_000m, score: 80m);
        await CreateAsync("Beta <b>Bank</b>", ProspectStatus.Qualified, arr: 50_000.50m);
        await CreateAsync("Gamma Air", arr: 10_000m);

        var page = Render<PipelinePage>();

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=column-qualified] [data-testid=column-count]").TextContent.Trim()));
        Assert.Equal(ProspectStatus.All, page.FindAll("[data-stage]").Select(e => e.GetAttribute("data-stage")));
        Assert.Contains("$350,001", page.Find("[data-testid=column-qualified] [data-testid=column-total]").TextContent);
        Assert.Contains("$140,000", page.Find("[data-testid=column-qualified] [data-testid=column-weighted]").TextContent);
        Assert.Contains("$500", page.Find("[data-testid=column-identified] [data-testid=column-weighted]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=column-lost] [data-testid=column-count]").TextContent.Trim());
        Assert.Contains("Beta <b>Bank</b>", page.Find("[data-testid=column-qualified]").TextContent);
        Assert.DoesNotContain(page.FindAll("[data-testid=column-qualified] b"), b => b.TextContent == "Bank");
        Assert.Contains("$140,500", page.Find("[data-testid=weighted-total]").TextContent);
    }

    [Fact]
    public async Task Drop_MoveTheRulesForbid_ShowsTheRuleAndLeavesTheCardWhereItWas()
    {
        await UseStoreAsync();
        var card = await CreateAsync("Acme Corp", ProspectStatus.Proposal, arr: 100_000m);
        var page = Render<PipelinePage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=column-proposal] [data-testid^=card-]")));

        await DropAsync(page, card, ProspectStatus.Identified);
        var refusedBack = page.Find("[data-testid=move-refused]").TextContent;
        await DropAsync(page, card, ProspectStatus.Converted);

        Assert.Contains("back only one stage", refusedBack);
        Assert.Contains("use Convert on the prospect page", page.Find("[data-testid=move-refused]").TextContent);
        Assert.Single(page.FindAll("[data-testid=column-proposal] [data-testid^=card-]"));
        Assert.Empty(page.FindAll("[data-testid=column-identified] [data-testid^=card-]"));
        Assert.Equal(ProspectStatus.Proposal, (await Acquisition.GetProspectAsync(Rep, card.Id))!.Status);
    }

    [Fact]
    public async Task Drop_AllowedMoveThenUndo_MovesTheProspectAndPutsItBack()
    {
        await UseStoreAsync();
        var snackbars = Render<MudSnackbarProvider>();
        var card = await CreateAsync("Acme Corp", arr: 100_000m);
        var page = Render<PipelinePage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=column-identified] [data-testid^=card-]")));

        await DropAsync(page, card, ProspectStatus.Qualified);
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=column-qualified] [data-testid=column-count]").TextContent.Trim()));
        Assert.Equal(ProspectStatus.Qualified, (await Acquisition.GetProspectAsync(Rep, card.Id))!.Status);
        Assert.Single(page.FindAll("[data-testid=column-qualified] [data-testid^=card-]"));

        snackbars.WaitForAssertion(() => Assert.Contains("moved to Qualified", snackbars.Markup));
        await snackbars.InvokeAsync(() => snackbars.FindAll("button").First(b => b.TextContent.Contains("Undo")).Click());

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=column-identified] [data-testid=column-count]").TextContent.Trim()));
        Assert.Equal(ProspectStatus.Identified, (await Acquisition.GetProspectAsync(Rep, card.Id))!.Status);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=column-qualified] [data-testid^=card-]")));
        Assert.Single(page.FindAll("[data-testid=column-identified] [data-testid^=card-]"));
    }

    [Fact]
    public async Task Drop_OnLost_AsksForTheReasonAndKeepsIt()
    {
        await UseStoreAsync();
        var dialogs = Render<MudDialogProvider>();
        var card = await CreateAsync("Acme Corp", ProspectStatus.Engaged);
        var page = Render<PipelinePage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=column-engaged] [data-testid^=card-]")));

        var drop = DropAsync(page, card, ProspectStatus.Lost);
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=lost-confirm]"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=lost-confirm]").Click());
        Assert.Contains("A reason is required", dialogs.Markup);
        await dialogs.InvokeAsync(() => dialogs.Find("textarea[data-testid=lost-reason], [data-testid=lost-reason] textarea").Input("Chose a competitor"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=lost-confirm]").Click());
        await drop;

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=column-lost] [data-testid=column-count]").TextContent.Trim()));
        var saved = (await Acquisition.GetProspectAsync(Rep, card.Id))!;
        Assert.Equal((ProspectStatus.Lost, "Lost: Chose a competitor"), (saved.Status, saved.Notes));
    }

    private static Task DropAsync(IRenderedComponent<PipelinePage> page, ProspectRow card, string stage)
    {
        var container = page.FindComponent<MudDropContainer<ProspectRow>>();
        return page.InvokeAsync(() => container.Instance.ItemDropped.InvokeAsync(new MudItemDropInfo<ProspectRow>(card, stage, 0)));
    }
}
