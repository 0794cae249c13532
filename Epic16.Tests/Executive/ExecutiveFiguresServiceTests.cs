using Epic16.Domain.Executive;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Executive;

/// <summary>The executive figures on both stores against figures worked by hand from five seeded prospects.</summary>
public sealed class ExecutiveFiguresServiceTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Executive = new TestUser("exec@epic16.test", AppRoles.Executive);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task LoadAsync_SeededPipeline_GivesHandWorkedCardsAndSeries(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var figures = await SeedAsync(scope);

        var view = await figures.LoadAsync(Executive, new ExecutiveFilter());

        // Open: 100,000 + 50,000.50 + 20,000; weighted: 80,000 + 20,000.20 + 1,000; win rate 1 ÷ (1 + 1); cycle 60 days;
        // velocity 3 open × 200,000 × 0.5 ÷ 60 = 5,000/day; coverage 170,000.50 ÷ 4,800,000 = 0.04, needed 1 ÷ 0.5 = 2.
        Assert.True(view.HasData);
        Assert.Equal("$170,001", Card(view, "open").Value);
        Assert.Equal("$101,000", Card(view, "weighted").Value);
        Assert.Equal("$370,001", Card(view, "arr").Value);
        Assert.Equal(("0.04×", "needed 2.00× (1 ÷ win rate)"), (Card(view, "coverage").Value, Card(view, "coverage").Against));
        Assert.Equal(("50.0%", "1 won, 1 lost"), (Card(view, "winrate").Value, Card(view, "winrate").Against));
        Assert.Equal("60.0 days", Card(view, "cycle").Value);
        Assert.Equal("$5,000/day", Card(view, "velocity").Value);
        Assert.All(view.Cards, c => Assert.False(string.IsNullOrWhiteSpace(c.Definition)));

        var funnel = Chart(view, "funnel");
        Assert.Equal([1m, 0m, 0m, 1m, 0m, 1m, 1m], funnel.Series[0].Values);
        Assert.Equal([75m, 100m, 100m, 66.7m, 100m, 50m, 0m], funnel.Series[1].Values);
        var weighted = Chart(view, "weighted");
        Assert.Equal(["2026-01", "2026-02", "2026-03"], weighted.Categories);
        Assert.Equal([80_000m, 100_000.20m, 101_000.20m], weighted.Series[0].Values);
        var cases = Chart(view, "cases");
        Assert.Equal(["Case <b>A</b>"], cases.Categories);
        Assert.Equal([123_456.78m], cases.Series[0].Values);
        Assert.Equal([150m], cases.Series[1].Values);
        var roi = Chart(view, "roi");
        Assert.Equal(["2026-01", "2026-02"], roi.Categories);
        Assert.Equal([1_000m, 1_500m], roi.Series[0].Values);
        Assert.Equal([0m, 2_000m], roi.Series[1].Values);
        Assert.All(view.Charts, c => Assert.All(c.Series, s => Assert.True(s.Values.Count <= ExecutiveSeries.MaxPoints)));

        // An executive's home reads only the pipeline's cards: the same seven, in the same order, as the page's.
        var home = await figures.PipelineCardsAsync(Executive);
        Assert.Equal(["open", "weighted", "arr", "coverage", "winrate", "cycle", "velocity"], home.Select(c => c.Key));
        Assert.Equal(view.Cards.Take(7), home);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task LoadAsync_OwnerAndRange_CountOnlyThoseProspects(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var figures = await SeedAsync(scope);

        var view = await figures.LoadAsync(Executive, new ExecutiveFilter(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), "a@x.test"));
        var empty = await figures.LoadAsync(Executive, new ExecutiveFilter(new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 31)));

        Assert.Equal(("$100,000", "$80,000", "100.0%"), (Card(view, "open").Value, Card(view, "weighted").Value, Card(view, "winrate").Value));
        Assert.Equal(["2026-01"], Chart(view, "roi").Categories);
        Assert.False(empty.HasData);
        Assert.True(Chart(empty, "funnel").IsEmpty);
        Assert.Equal("n/a", Card(empty, "winrate").Value);
    }

    [Fact]
    public async Task LoadAsync_SameDataOnBothStores_GivesEqualFigures()
    {
        var results = new List<string>();
        foreach (var mode in new BothStores())
        {
            await using var scope = await StoreScope.CreateAsync(postgres, mode);
            var figures = await SeedAsync(scope);
            results.Add(await ExecutiveSeed.TextAsync(figures, Executive, new ExecutiveFilter(Industry: "Retail")));
        }

        Assert.Equal(results[0], results[1]);
        Assert.Contains("open=$120,000|2 open prospects", results[0]);
    }

    [Fact]
    public async Task LoadAsync_EndBeforeStart_IsRefusedNamingTheField()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        var figures = await SeedAsync(scope);

        var refused = await Assert.ThrowsAsync<ExecutiveFilterException>(() =>
            figures.LoadAsync(Executive, new ExecutiveFilter(new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1))));

        Assert.Equal("To", refused.Field);
        Assert.Contains("before its start", refused.Message);
    }

    [Fact]
    public async Task LoadAsync_SalesOrCustomerSuccess_IsDenied()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        var figures = scope.Services.CreateScope().ServiceProvider.GetRequiredService<ExecutiveFiguresService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => figures.LoadAsync(TestUser.Rep, new ExecutiveFilter()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => figures.LoadAsync(TestUser.Csm, new ExecutiveFilter()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => figures.PipelineCardsAsync(TestUser.Rep));
    }

    private static KpiCard Card(ExecutiveView view, string key) => view.Cards.Single(c => c.Key == key);

    private static ExecutiveSeries Chart(ExecutiveView view, string key) => view.Charts.Single(c => c.Key == key);

    private static async Task<ExecutiveFiguresService> SeedAsync(StoreScope scope)
    {
        await ExecutiveSeed.ProspectsAsync(scope.Router);
        return scope.Services.CreateScope().ServiceProvider.GetRequiredService<ExecutiveFiguresService>();
    }
}
