using Epic16.Domain.Abm.Campaigns;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Abm;

/// <summary>The campaigns list's search, filters and pages: paged in SQL on PostgreSQL, in memory on the legacy files, the same rows from both.</summary>
public sealed class CampaignListTests(PostgresServer postgres)
{
    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task List_SearchFilterAndPage_GiveTheSameRowsNewestFirst(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var world = AbmWorld.On(scope);
        var target = await world.ProspectAsync("Acme", 10_000m);
        var alpha = await world.CampaignAsync("Alpha wave", [target]);
        var beta = await world.CampaignAsync("Beta WAVE", [target]);
        await world.CampaignAsync("Gamma 100% push", [target]);
        await world.Campaigns.MoveStatusAsync(AbmWorld.Rep, beta.Id, CampaignStatuses.Active);

        async Task<List<string>> Names(CampaignQuery query) => [.. (await world.Campaigns.ListAsync(AbmWorld.Rep, query)).Items.Select(r => r.Name)];

        Assert.Equal(["Gamma 100% push", "Beta WAVE", "Alpha wave"], await Names(new()));
        Assert.Equal(["Beta WAVE", "Alpha wave"], await Names(new() { Search = "wave" }));
        Assert.Equal(["Gamma 100% push"], await Names(new() { Search = "0%" }));
        Assert.Empty(await Names(new() { Search = "a_p" }));
        Assert.Equal(["Beta WAVE"], await Names(new() { Status = CampaignStatuses.Active }));
        var second = await world.Campaigns.ListAsync(AbmWorld.Rep, new CampaignQuery { PageSize = 1, Page = 2 });
        Assert.Equal((3, "Beta WAVE"), (second.TotalCount, second.Items.Single().Name));
        Assert.Equal(alpha.Id, (await world.Campaigns.ListAsync(AbmWorld.Rep, new CampaignQuery { PageSize = 2, Page = 2 })).Items.Single().Id);
    }
}
