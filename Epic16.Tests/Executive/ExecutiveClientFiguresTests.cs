using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Crm;
using Epic16.Domain.Executive;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Executive;

/// <summary>Median time to go-live, go-live slip, and client health distribution and trend, against figures worked by hand.</summary>
public sealed class ExecutiveClientFiguresTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Executive = new TestUser("exec@epic16.test", AppRoles.Executive);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task LoadAsync_SeededClients_GivesHandWorkedGoLiveSlipAndHealth(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var figures = await SeedAsync(scope);

        var view = await figures.LoadAsync(Executive, new ExecutiveFilter());

        // Live clients took 40, 60 and 20 days: median 40. The churned and the open clients do not count.
        Assert.Equal(("40 days", "3 live clients"), (Card(view, "golive").Value, Card(view, "golive").Against));
        Assert.Contains("Go-live", Card(view, "golive").Definition);
        var slip = Chart(view, "slip");
        Assert.Equal(["<b>Evil</b> Slip Co", "On Time"], slip.Categories);
        Assert.Equal([17m, 0m], slip.Series.Single().Values);
        Assert.False(slip.IsEmpty);
        Assert.Contains("All 2 open clients", slip.Note);

        // 04-01: 80 healthy, 40 at risk, 20 critical, 60 watch (the unscored client left out): average 50.0, 2 of 4 at risk or worse.
        Assert.Equal(("50.0", "50.0% at risk or critical"), (Card(view, "health").Value, Card(view, "health").Against));
        var distribution = Chart(view, "health");
        Assert.Equal(["Critical", "At risk", "Watch", "Healthy"], distribution.Categories);
        Assert.Equal([1m, 1m, 1m, 1m], distribution.Series.Single().Values);
        // Every 7 days back from 04-01 (03-31 is skipped): 03-18 watch + critical, 03-25 two healthy, 04-01 one per band.
        var trend = Chart(view, "healthtrend");
        Assert.Equal(["2026-03-18", "2026-03-25", "2026-04-01"], trend.Categories);
        Assert.Equal(["Critical (%)", "At risk (%)", "Watch (%)", "Healthy (%)"], trend.Series.Select(s => s.Name));
        Assert.Equal([50m, 0m, 25m], trend.Series[0].Values);
        Assert.Equal([0m, 0m, 25m], trend.Series[1].Values);
        Assert.Equal([50m, 0m, 25m], trend.Series[2].Values);
        Assert.Equal([0m, 100m, 25m], trend.Series[3].Values);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task LoadAsync_Range_NarrowsClientsAndSnapshotDays(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var figures = await SeedAsync(scope);

        var fromFebruary = await figures.LoadAsync(Executive, new ExecutiveFilter(From: new DateOnly(2026, 2, 1)));
        var toMarch30 = await figures.LoadAsync(Executive, new ExecutiveFilter(To: new DateOnly(2026, 3, 30)));
        var empty = await figures.LoadAsync(Executive, new ExecutiveFilter(new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 31)));

        Assert.Equal(("20 days", "1 live client"), (Card(fromFebruary, "golive").Value, Card(fromFebruary, "golive").Against));
        Assert.Equal(["2026-03-18", "2026-03-25"], Chart(toMarch30, "healthtrend").Categories);
        Assert.Equal([0m, 0m, 0m, 2m], Chart(toMarch30, "health").Series.Single().Values);
        Assert.Equal("85.0", Card(toMarch30, "health").Value);
        var toMarch24 = await figures.LoadAsync(Executive, new ExecutiveFilter(To: new DateOnly(2026, 3, 24)));
        Assert.Equal(["<b>Evil</b> Slip Co"], Chart(toMarch24, "slip").Categories); // On Time started on 03-25
        Assert.Equal("n/a", Card(empty, "golive").Value);
        Assert.True(Chart(empty, "slip").IsEmpty);
        Assert.True(Chart(empty, "health").IsEmpty);
        Assert.True(Chart(empty, "healthtrend").IsEmpty);
    }

    private static KpiCard Card(ExecutiveView view, string key) => view.Cards.Single(c => c.Key == key);

    private static ExecutiveSeries Chart(ExecutiveView view, string key) => view.Charts.Single(c => c.Key == key);

    private static async Task<ExecutiveFiguresService> SeedAsync(StoreScope scope)
    {
        var platform = scope.Services.GetRequiredService<IDbContextFactory<PlatformContext>>();
        await ExecutiveClientSeed.ClientsAsync(scope.Router, platform);
        var services = scope.Services.CreateScope().ServiceProvider;
        return new ExecutiveFiguresService(scope.Router, platform, services.GetRequiredService<CrmService>(), services.GetRequiredService<CampaignService>(),
            new ManualClock(ExecutiveClientSeed.Today));
    }
}
