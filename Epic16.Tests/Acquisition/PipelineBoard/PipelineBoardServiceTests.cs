using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Tests.Acquisition.PipelineBoard;

/// <summary>The kanban's data on both stores: sums per stage in the database, top cards by score, filters.</summary>
public sealed class PipelineBoardServiceTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Rep = new TestUser("rep@epic16.test", AppRoles.Sales);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task LoadAsync_SeededPipeline_GivesCountsTotalsWeightedValuesAndTopCards(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (board, _) = await SeedAsync(scope);

        var columns = await board.LoadAsync(Rep, new ProspectQuery(), cardsPerStage: 2);

        Assert.Equal(ProspectStatus.All, columns.Select(c => c.Stage));
        var qualified = columns.Single(c => c.Stage == ProspectStatus.Qualified);
        Assert.Equal((3, 350_000.75m, 140_000.30m), (qualified.Count, qualified.TotalUsd, qualified.WeightedUsd));
        Assert.Equal(["Qual High", "Qual Mid"], qualified.Cards.Select(c => c.CompanyName));
        Assert.Equal(1, qualified.Hidden);
        var identified = columns.Single(c => c.Stage == ProspectStatus.Identified);
        Assert.Equal((2, 100_000m, 5_000m), (identified.Count, identified.TotalUsd, identified.WeightedUsd));
        Assert.Equal(["Ident Scored", "Ident Unscored"], identified.Cards.Select(c => c.CompanyName));
        var lost = columns.Single(c => c.Stage == ProspectStatus.Lost);
        Assert.Equal((1, 0m), (lost.Count, lost.WeightedUsd));
        Assert.Equal((0, 0m), (columns.Single(c => c.Stage == ProspectStatus.Proposal).Count, columns.Single(c => c.Stage == ProspectStatus.Proposal).TotalUsd));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task LoadAsync_OwnerScoreAndTextFilters_CountOnlyTheMatchingProspects(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (board, _) = await SeedAsync(scope);

        var mine = await board.LoadAsync(Rep, new ProspectQuery { Owner = "b@x.test" });
        var scored = await board.LoadAsync(Rep, new ProspectQuery { MinScore = 50m, MaxScore = 90m });
        var text = await board.LoadAsync(Rep, new ProspectQuery { Search = "QUAL" });
        var choices = await board.FilterChoicesAsync(Rep);

        Assert.Equal(2, mine.Sum(c => c.Count));
        Assert.Equal(["Qual Mid", "Lost One"], mine.SelectMany(c => c.Cards).Select(c => c.CompanyName));
        Assert.Equal(["Qual Mid"], scored.SelectMany(c => c.Cards).Select(c => c.CompanyName));
        Assert.Equal(3, text.Sum(c => c.Count));
        Assert.Equal(["a@x.test", "b@x.test"], choices.Owners);
        Assert.Equal(["Banking", "Retail"], choices.Industries);
    }

    [Fact]
    public async Task LoadAsync_LegacySpellingsOfAStage_CountAndSumAsThatStage()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await scope.ExecuteLegacyAsync("""
            INSERT INTO prospects (id, company_name, status, estimated_arr_usd, created_at) VALUES
              (1, 'Canonical', 'identified', 100.10, '2025-10-08 14:03:22'),
              (2, 'Shouted', 'IDENTIFIED', 200.20, '2025-10-08 14:03:22'),
              (3, 'Padded', '  identified' || char(9), 300.30, '2025-10-08 14:03:22');
            """);
        var board = scope.Services.CreateScope().ServiceProvider.GetRequiredService<PipelineBoardService>();

        var identified = (await board.LoadAsync(Rep, new ProspectQuery())).Single(c => c.Stage == ProspectStatus.Identified);

        Assert.Equal((3, 600.60m), (identified.Count, identified.TotalUsd));
    }

    [Fact]
    public async Task LoadAsync_SameDataOnBothStores_GivesEqualColumns()
    {
        var results = new List<string>();
        foreach (var mode in new BothStores())
        {
            await using var scope = await StoreScope.CreateAsync(postgres, mode);
            var (board, _) = await SeedAsync(scope);
            var columns = await board.LoadAsync(Rep, new ProspectQuery { Industry = "Retail" });
            results.Add(string.Join("\n", columns.Select(c =>
                $"{c.Stage}:{c.Count},{c.TotalUsd},{c.WeightedUsd}:" + string.Join("|", c.Cards.Select(r => $"{r.CompanyName},{r.LeadScore},{r.EstimatedArrUsd}")))));
        }

        Assert.Equal(results[0], results[1]);
        Assert.Contains("qualified:2,250000.75,100000.30:Qual High,95.00,250000.75|Qual Low,10.50,", results[0]);
    }

    [Fact]
    public async Task LoadAsync_CallerWithoutSalesOrAdmin_IsDenied()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "PostgresOnly");
        var board = scope.Services.CreateScope().ServiceProvider.GetRequiredService<PipelineBoardService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => board.LoadAsync(new TestUser("ceo@epic16.test", AppRoles.Executive), new ProspectQuery()));
    }

    private static async Task<(PipelineBoardService Board, Dictionary<string, long> Ids)> SeedAsync(StoreScope scope)
    {
        var services = scope.Services.CreateScope().ServiceProvider;
        var acquisition = services.GetRequiredService<ProspectService>();
        var rows = new (string Name, string Stage, decimal? Score, decimal? Arr, string Owner, string Industry)[]
        {
            ("Qual Low", ProspectStatus.Qualified, 10.5m, null, "a@x.test", "Retail"),
            ("Qual High", ProspectStatus.Qualified, 95m, 250_000.75m, "a@x.test", "Retail"),
            ("Qual Mid", ProspectStatus.Qualified, 60m, 100_000m, "b@x.test", "Banking"),
            ("Ident Unscored", ProspectStatus.Identified, null, 40_000m, "a@x.test", "Banking"),
            ("Ident Scored", ProspectStatus.Identified, 20m, 60_000m, "a@x.test", "Retail"),
            ("Lost One", ProspectStatus.Lost, 30m, 75_000m, "b@x.test", "Banking"),
        };
        var ids = new Dictionary<string, long>();
        foreach (var row in rows)
        {
            var created = await acquisition.CreateProspectAsync(Rep, new ProspectInput
            {
                CompanyName = row.Name, LeadScore = row.Score, EstimatedArrUsd = row.Arr, Owner = row.Owner, Industry = row.Industry,
            });
            ids[row.Name] = created.Id;
            if (row.Stage != ProspectStatus.Identified)
            {
                Assert.True((await acquisition.MoveStageAsync(Rep, created.Id, row.Stage, "No budget")).Allowed);
            }
        }

        return (services.GetRequiredService<PipelineBoardService>(), ids);
    }
}
