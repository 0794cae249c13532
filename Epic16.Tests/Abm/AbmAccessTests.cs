using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Abm;

/// <summary>Sales and Admin work campaigns, Executives read the figures and cannot change anything, CustomerSuccess is refused.</summary>
public sealed class AbmAccessTests(PostgresServer postgres)
{
    [Fact]
    public async Task Operations_ByRole_ExecutiveReadsOnlyAndCustomerSuccessIsRefused()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "SqliteOnly");
        var world = AbmWorld.On(scope);
        var a = await world.ProspectAsync("Acme", 10m);
        var campaign = await world.CampaignAsync("Wave", [a]);

        var dashboard = await world.Reports.DashboardAsync(AbmWorld.Executive, campaign.Id);
        var cards = await world.Content.ListAsync(AbmWorld.Executive, new());

        Assert.Equal("Wave", dashboard.Campaign.Name);
        Assert.Empty(cards);
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Campaigns.SaveAsync(AbmWorld.Executive, campaign.Id, campaign.ToInput(), campaign.UpdatedAt));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Campaigns.MoveStatusAsync(AbmWorld.Executive, campaign.Id, "active"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Touchpoints.PlanCadenceAsync(AbmWorld.Executive, campaign.Id, new()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Content.SetActiveAsync(AbmWorld.Executive, 1, false));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Campaigns.ListAsync(AbmWorld.Success, new()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Reports.DashboardAsync(AbmWorld.Success, campaign.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Engagement.ForProspectAsync(AbmWorld.Success, a));
        Assert.Equal("active", (await world.Campaigns.MoveStatusAsync(AbmWorld.Rep, campaign.Id, "active")).To);
    }
}
