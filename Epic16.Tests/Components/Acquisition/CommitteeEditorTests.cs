using Bunit;
using Epic16.Dashboard.Components.Pages.Acquisition;
using Epic16.Domain.Acquisition;
using Epic16.Tests.TestSupport;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.Components.Acquisition;

public sealed class CommitteeEditorTests(PostgresServer postgres) : SalesPageContext(postgres)
{
    [Fact]
    public async Task Save_BadEmail_ShowsTheFieldMessageAndSavesNothing()
    {
        await UseStoreAsync();
        var prospect = await CommitteeProspectAsync();
        var editor = Render<CommitteeEditor>(p => p.Add(e => e.Prospect, prospect));

        await editor.InvokeAsync(() => editor.FindAll("input[data-testid=maker-email], [data-testid=maker-email] input")[0].Change("ana(at)acme.test"));
        await editor.InvokeAsync(() => editor.Find("[data-testid=committee-save]").Click());

        editor.WaitForAssertion(() => Assert.Contains("nothing was saved", editor.Find("[data-testid=committee-message]").TextContent));
        Assert.Contains("\"ana(at)acme.test\" is not a well-formed e-mail address.", editor.Markup);
        Assert.Equal("ana@acme.test", (await Acquisition.GetProspectAsync(Rep, prospect.Id))!.DecisionMakers![0].Email);
    }

    [Fact]
    public async Task Save_SomeoneSavedFirst_IsRefusedWithAMessageAndNotOverwritten()
    {
        await UseStoreAsync();
        var prospect = await CommitteeProspectAsync();
        var editor = Render<CommitteeEditor>(p => p.Add(e => e.Prospect, prospect));
        await Acquisition.UpdateProspectAsync(Rep, prospect.Id, ProspectInputs.From(prospect) with { Notes = "Changed elsewhere" }, prospect.UpdatedAt);

        await editor.InvokeAsync(() => editor.Find("[data-testid=committee-add]").Click());
        await editor.InvokeAsync(() => editor.FindAll("input[data-testid=maker-name], [data-testid=maker-name] input")[1].Change("Bo Li"));
        await editor.InvokeAsync(() => editor.Find("[data-testid=committee-save]").Click());

        editor.WaitForAssertion(() => Assert.Contains("changed by someone else", editor.Find("[data-testid=committee-message]").TextContent));
        var saved = (await Acquisition.GetProspectAsync(Rep, prospect.Id))!;
        Assert.Equal(("Changed elsewhere", 1), (saved.Notes, saved.DecisionMakers!.Count));
        Assert.Equal("false", editor.Find("[data-testid=coverage-champion]").GetAttribute("data-present"));
        Assert.Equal("true", editor.Find("[data-testid=coverage-economic_buyer]").GetAttribute("data-present"));
    }

    private async Task<Prospect> CommitteeProspectAsync()
    {
        var row = await Acquisition.CreateProspectAsync(Rep, new ProspectInput
        {
            CompanyName = "Acme Corp",
            DecisionMakers = [new DecisionMaker { Name = "Ana Ruiz", Email = "ana@acme.test", Role = DecisionMakerRole.EconomicBuyer, Influence = 5 }],
        });
        return (await Acquisition.GetProspectAsync(Rep, row.Id))!;
    }
}
