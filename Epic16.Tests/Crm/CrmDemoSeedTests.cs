using Epic16.Domain.Crm;
using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Crm;

/// <summary>The Epic 7 demo pipeline is exactly the plan's $1,158,000.00, and seeding twice leaves it alone.</summary>
public sealed class CrmDemoSeedTests(PostgresServer postgres)
{
    [Fact]
    public async Task SeedAsync_EmptyCrm_OpenPipelineIsExactly1158000AndASecondRunChangesNothing()
    {
        await using var services = TestServices.Create(await postgres.CreateDatabaseAsync("crm"));
        var platform = services.GetRequiredService<IDbContextFactory<PlatformContext>>();
        var contacts = new List<DemoCrmContact> { new(1, "ana.ruiz@example.test", "Ana Ruiz", "CFO", "Zürich Ünited Re") };

        var first = await CrmDemoData.SeedAsync(platform, contacts);
        await using var scope = services.CreateAsyncScope();
        var crm = scope.ServiceProvider.GetRequiredService<CrmService>();
        var pipeline = await crm.OpenPipelineValueAsync();
        var second = await CrmDemoData.SeedAsync(platform, contacts);

        Assert.True(first.DealsSeeded);
        Assert.Equal(1_158_000.00m, pipeline);
        Assert.Equal(1_158_000.00m, first.OpenPipelineUsd);
        Assert.NotNull(await crm.FindContactByEmailAsync("ANA.RUIZ@example.test"));
        Assert.False(second.DealsSeeded);
        Assert.Equal(pipeline, await crm.OpenPipelineValueAsync());
        await using var db = await platform.CreateDbContextAsync();
        Assert.Equal(first.DealsCreated, await db.CrmDeals.CountAsync());
        Assert.True(await db.CrmDeals.AnyAsync(d => d.Status != CrmDealStatus.Open));
    }
}
