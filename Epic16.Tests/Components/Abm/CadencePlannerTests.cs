using Epic16.Domain.Acquisition.Prospects;
using Bunit;
using Epic16.Dashboard.Components.Pages.Abm;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Epic16.Tests.Components.Abm;

/// <summary>The cadence planner over the real services on a fresh PostgreSQL store.</summary>
public sealed class CadencePlannerTests(PostgresServer postgres) : AbmPageContext(postgres, typeof(TouchpointService))
{
    [Fact]
    public async Task PreviewThenCreate_ThreeStepsForThreeAccounts_ShowsNineRowsThenSavesThemAll()
    {
        var campaign = await ArrangeAsync();
        var planned = new List<int>();
        var planner = Render<CadencePlanner>(p => p.Add(c => c.CampaignId, campaign.Id).Add(c => c.OnPlanned, n => planned.Add(n)));

        Assert.Equal(3, planner.FindAll("[data-testid=cadence-step]").Count);
        Assert.True(planner.Find("[data-testid=cadence-save]").HasAttribute("disabled"));
        await planner.InvokeAsync(() => planner.Find("[data-testid=cadence-preview]").Click());
        planner.WaitForAssertion(() => Assert.Equal(9, planner.FindAll("[data-testid=cadence-row]").Count));
        Assert.Contains("9 touches: 3 step(s) for 3 account(s)", planner.Find("[data-testid=cadence-summary]").TextContent);
        Assert.Equal(["Acme", "Acme", "Acme", "Bolt"], planner.FindAll("[data-testid=cadence-row] td:first-child").Take(4).Select(td => td.TextContent));
        Assert.Equal(0, (await Touchpoints.ListAsync(Rep, new TouchpointQuery { CampaignId = campaign.Id })).TotalCount);

        await planner.InvokeAsync(() => planner.Find("[data-testid=cadence-save]").Click());

        planner.WaitForAssertion(() => Assert.Equal([9], planned));
        var saved = await Touchpoints.ListAsync(Rep, new TouchpointQuery { CampaignId = campaign.Id, PageSize = 50 });
        Assert.Equal(9, saved.TotalCount);
        Assert.Equal(3, saved.Items.Count(t => t.Channel == "linkedin"));
    }

    [Fact]
    public async Task Preview_NegativeOffset_NamesTheStepAndSavesNothing()
    {
        var campaign = await ArrangeAsync();
        var planner = Render<CadencePlanner>(p => p.Add(c => c.CampaignId, campaign.Id));

        await planner.InvokeAsync(() => planner.FindAll("input[data-testid=cadence-offset], [data-testid=cadence-offset] input")[1].Change("-4"));
        await planner.InvokeAsync(() => planner.Find("[data-testid=cadence-preview]").Click());

        planner.WaitForAssertion(() => Assert.Contains("Step 2: the day offset is 0 to 365", planner.Find("[data-testid=cadence-message]").TextContent));
        Assert.Empty(planner.FindAll("[data-testid=cadence-row]"));
        Assert.True(planner.Find("[data-testid=cadence-save]").HasAttribute("disabled"));
        Assert.Equal(0, (await Touchpoints.ListAsync(Rep, new TouchpointQuery { CampaignId = campaign.Id })).TotalCount);
    }

    private TouchpointService Touchpoints => Domain.GetRequiredService<TouchpointService>();

    private async Task<CampaignDetail> ArrangeAsync()
    {
        await UseStoreAsync();
        var acquisition = Domain.GetRequiredService<ProspectService>();
        var ids = new List<long>();
        foreach (var name in new[] { "Cogs", "Acme", "Bolt" })
        {
            ids.Add((await acquisition.CreateProspectAsync(Rep, new ProspectInput { CompanyName = name, EstimatedArrUsd = 10_000m })).Id);
        }

        return await Domain.GetRequiredService<CampaignService>().SaveAsync(Rep, null, new CampaignInput { Name = "Wave", TargetAccounts = ids }, null);
    }
}
