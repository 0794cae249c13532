using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Tests.Acquisition.Prospects;

/// <summary>Every case runs with the legacy SQLite files as the store and again with PostgreSQL.</summary>
public sealed class ProspectServiceTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Rep = new TestUser("rep@epic16.test", AppRoles.Sales);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task SearchProspectsAsync_FiltersSortsAndPages_GivesTheExpectedRows(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var service = Service(scope);
        var ids = await SeedAsync(service);
        Assert.True((await service.MoveStageAsync(Rep, ids["Delta Air"], ProspectStatus.Engaged)).Allowed);

        Assert.Equal(["Acme Corp", "Gamma Holdings"], await NamesAsync(service, new() { Search = "RETAIL" }));
        Assert.Equal(["Delta Air", "beta Industries"], await NamesAsync(service, new() { Search = "B@X" }));
        Assert.Equal(["Acme Corp", "Gamma Holdings"], await NamesAsync(service, new() { Industry = "Retail", Owner = "a@x.test" }));
        Assert.Equal(["Delta Air"], await NamesAsync(service, new() { Stage = ProspectStatus.Engaged }));
        Assert.Equal(["Acme Corp", "Épsilon Bank", "beta Industries"], await NamesAsync(service, new() { MinScore = 55.5m, MaxScore = 80m, SortBy = ProspectSortField.Score, Descending = true }));
        Assert.Empty(await NamesAsync(service, new() { Industry = "retail" }));
        Assert.Equal(["Acme Corp", "Delta Air", "Gamma Holdings", "beta Industries", "Épsilon Bank"], await NamesAsync(service, new()));
        Assert.Equal(["Épsilon Bank", "beta Industries", "Gamma Holdings", "Delta Air", "Acme Corp"], await NamesAsync(service, new() { Descending = true }));
        Assert.Equal(["Delta Air", "Gamma Holdings"], await NamesAsync(service, new() { SortBy = ProspectSortField.Score, PageSize = 3, Page = 2 }));
        Assert.Equal(["Épsilon Bank", "beta Industries", "Acme Corp", "Delta Air", "Gamma Holdings"], await NamesAsync(service, new() { SortBy = ProspectSortField.Arr, Descending = true }));
        Assert.Equal(["Delta Air", "Gamma Holdings", "Épsilon Bank", "beta Industries", "Acme Corp"], await NamesAsync(service, new() { SortBy = ProspectSortField.Updated, Descending = true }));

        var byRank = new ProspectQuery { SortBy = ProspectSortField.Rank, PageSize = 2 };
        var first = await service.SearchProspectsAsync(Rep, byRank);
        var last = await service.SearchProspectsAsync(Rep, byRank with { Page = 3 });
        Assert.Equal(5, first.TotalCount);
        Assert.Equal(3, first.PageCount);
        Assert.Equal(["Delta Air", "Acme Corp"], first.Items.Select(r => r.CompanyName));
        Assert.Equal(["Gamma Holdings"], last.Items.Select(r => r.CompanyName));
        Assert.Equal(250_000.50m, (await service.SearchProspectsAsync(Rep, new() { Search = "beta" })).Items.Single().EstimatedArrUsd);
    }

    [Fact]
    public async Task SearchProspectsAsync_SameDataOnBothStores_GivesEqualRows()
    {
        var queries = new ProspectQuery[]
        {
            new() { SortBy = ProspectSortField.Score }, new() { SortBy = ProspectSortField.Rank, Descending = true, Page = 2, PageSize = 2 },
            new() { Search = "a", SortBy = ProspectSortField.Arr }, new() { MinScore = 55.5m, SortBy = ProspectSortField.Company, Descending = true },
            new() { SortBy = ProspectSortField.Score, Descending = true, Page = 2, PageSize = 3 }, new() { SortBy = ProspectSortField.Updated, Page = 2, PageSize = 2 },
        };
        var results = new List<string>();
        foreach (var mode in new BothStores())
        {
            await using var scope = await StoreScope.CreateAsync(postgres, mode);
            var service = Service(scope);
            await SeedAsync(service);
            var lines = new List<string>();
            foreach (var query in queries)
            {
                var page = await service.SearchProspectsAsync(Rep, query);
                lines.Add($"{page.TotalCount}: " + string.Join(" | ", page.Items.Select(r => $"{r.CompanyName},{r.FortuneRank},{r.LeadScore},{r.EstimatedArrUsd},{r.Industry},{r.Owner},{r.Status}")));
            }

            results.Add(string.Join("\n", lines));
        }

        Assert.Equal(results[0], results[1]);
        Assert.Contains("beta Industries,200,55.50,250000.50,Energy,b@x.test,identified", results[0]);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task CreateProspectAsync_SameNameOtherCase_IsRefused(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var service = Service(scope);
        await service.CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Acme Corp" });

        var error = await Assert.ThrowsAsync<ProspectValidationException>(() => service.CreateProspectAsync(Rep, new ProspectInput { CompanyName = "  ACME corp " }));

        Assert.Contains("already exists", error.Errors[nameof(ProspectInput.CompanyName)]);
        Assert.Equal(1, await CountAsync(scope, mode));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task CreateProspectAsync_BadDecisionMakers_IsRefusedPerFieldAndNothingSaved(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var service = Service(scope);
        var input = new ProspectInput
        {
            CompanyName = "Acme Corp",
            FortuneRank = 501,
            DecisionMakers =
            [
                new DecisionMaker { Name = "Ana Ruiz", Email = "ana(at)acme.test", Role = DecisionMakerRole.EconomicBuyer, Influence = 5 },
                new DecisionMaker { Name = "Bo Li", Email = "bo@acme.test", Role = "ceo", Influence = 6 },
            ],
        };

        var error = await Assert.ThrowsAsync<ProspectValidationException>(() => service.CreateProspectAsync(Rep, input));

        Assert.Contains("not a well-formed e-mail", error.Errors["DecisionMakers[0].Email"]);
        Assert.Contains("between 1 and 500", error.Errors[nameof(ProspectInput.FortuneRank)]);
        Assert.Contains("1 to 5", error.Errors["DecisionMakers[1].Influence"]);
        Assert.Contains("not a committee role", error.Errors["DecisionMakers[1].Role"]);
        Assert.False(error.Errors.ContainsKey("DecisionMakers[1].Email"));
        Assert.Equal(0, await CountAsync(scope, mode));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task UpdateProspectAsync_StaleCopy_IsRefusedAndNotOverwritten(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var service = Service(scope);
        var created = await service.CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Acme Corp" });

        var updated = await service.UpdateProspectAsync(Rep, created.Id, new ProspectInput { CompanyName = "Acme Corporation", FortuneRank = 12 }, created.UpdatedAt);
        var error = await Assert.ThrowsAsync<ProspectConcurrencyException>(
            () => service.UpdateProspectAsync(Rep, created.Id, new ProspectInput { CompanyName = "Acme Old" }, created.UpdatedAt));

        Assert.Contains("changed by someone else", error.Message);
        Assert.NotEqual(created.UpdatedAt, updated.UpdatedAt);
        await using var db = await scope.ContextAsync(StoreOf(mode));
        var saved = await db.Prospects.SingleAsync();
        Assert.Equal("Acme Corporation", saved.CompanyName);
        Assert.Equal(12, saved.FortuneRank);
        Assert.Equal(updated.UpdatedAt, saved.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, saved.CreatedAt.Kind);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task MoveStageAsync_ForwardConvertedAndLost_FollowsTheStageRules(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var service = Service(scope);
        var id = (await service.CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Acme Corp", Notes = "Met at re:Invent" })).Id;

        var forward = await service.MoveStageAsync(Rep, id, ProspectStatus.Qualified);
        var converted = await service.MoveStageAsync(Rep, id, ProspectStatus.Converted);
        var lostWithoutReason = await service.MoveStageAsync(Rep, id, ProspectStatus.Lost, " ");
        Assert.Equal(ProspectStatus.Qualified, (await LoadAsync(scope, mode)).Status);
        var lost = await service.MoveStageAsync(Rep, id, ProspectStatus.Lost, "Chose a competitor");

        Assert.True(forward.Allowed);
        Assert.False(converted.Allowed);
        Assert.Contains("converting it into CRM contacts", converted.Why);
        Assert.False(lostWithoutReason.Allowed);
        Assert.Contains("reason is required", lostWithoutReason.Why);
        Assert.True(lost.Allowed);
        var saved = await LoadAsync(scope, mode);
        Assert.Equal(ProspectStatus.Lost, saved.Status);
        Assert.Equal("Met at re:Invent\nLost: Chose a competitor", saved.Notes);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task UndoStageMoveAsync_SkipAndLoss_PutTheProspectBackUnlessChangedSince(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var service = Service(scope);
        var id = (await service.CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Acme Corp", Notes = "Met at re:Invent" })).Id;

        var skip = await service.MoveStageAsync(Rep, id, ProspectStatus.Proposal);
        var undoSkip = await service.UndoStageMoveAsync(Rep, id, skip);
        var afterSkip = (await LoadAsync(scope, mode)).Status;
        var lost = await service.MoveStageAsync(Rep, id, ProspectStatus.Lost, "Budget cut");
        var undoLost = await service.UndoStageMoveAsync(Rep, id, lost);
        var afterLost = await LoadAsync(scope, mode);
        var first = await service.MoveStageAsync(Rep, id, ProspectStatus.Researching);
        await service.MoveStageAsync(Rep, id, ProspectStatus.Engaged);
        var undoOld = await service.UndoStageMoveAsync(Rep, id, first);

        Assert.Equal((ProspectStatus.Identified, ProspectStatus.Proposal), (skip.From, skip.To));
        Assert.True(undoSkip.Allowed);
        Assert.Equal(ProspectStatus.Identified, afterSkip);
        Assert.True(undoLost.Allowed);
        Assert.Equal((ProspectStatus.Identified, "Met at re:Invent"), (afterLost.Status, afterLost.Notes));
        Assert.False(undoOld.Allowed);
        Assert.Contains("changed after the move", undoOld.Why);
        Assert.Equal(ProspectStatus.Engaged, (await LoadAsync(scope, mode)).Status);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task EveryOperation_CallerWithoutSalesOrAdmin_IsDenied(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var service = Service(scope);
        var id = (await service.CreateProspectAsync(new TestUser("admin@epic16.test", AppRoles.Admin), new ProspectInput { CompanyName = "Acme Corp" })).Id;
        var executive = new TestUser("ceo@epic16.test", AppRoles.Executive, AppRoles.CustomerSuccess);

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateProspectAsync(executive, new ProspectInput { CompanyName = "Other Co" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.UpdateProspectAsync(executive, id, new ProspectInput { CompanyName = "Renamed" }, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SearchProspectsAsync(executive, new ProspectQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.MoveStageAsync(executive, id, ProspectStatus.Researching));

        var saved = await LoadAsync(scope, mode);
        Assert.Equal(("Acme Corp", ProspectStatus.Identified), (saved.CompanyName, saved.Status));
        Assert.Equal(1, await CountAsync(scope, mode));
    }

    [Fact]
    public void CoverageOf_ChampionOnly_ListsEconomicAndTechnicalBuyerAsMissing()
    {
        var prospect = new Prospect { DecisionMakers = [new DecisionMaker { Name = "Bo", Role = DecisionMakerRole.Champion }, new DecisionMaker { Name = "Cy", Role = null }] };

        var coverage = ProspectService.CoverageOf(prospect);

        Assert.Equal((false, true, false, false), (coverage.HasEconomicBuyer, coverage.HasChampion, coverage.HasTechnicalBuyer, coverage.IsComplete));
        Assert.Equal([DecisionMakerRole.EconomicBuyer, DecisionMakerRole.TechnicalBuyer], coverage.Missing);
        Assert.True(ProspectService.CoverageOf(SampleEntities.Prospect()).HasEconomicBuyer);
    }

    private static ProspectService Service(StoreScope scope) =>
        scope.Services.CreateScope().ServiceProvider.GetRequiredService<ProspectService>();

    private static StoreKind StoreOf(string mode) => mode == "PostgresOnly" ? StoreKind.Postgres : StoreKind.Sqlite;

    private static async Task<int> CountAsync(StoreScope scope, string mode)
    {
        await using var db = await scope.ContextAsync(StoreOf(mode));
        return await db.Prospects.CountAsync();
    }

    private static async Task<Prospect> LoadAsync(StoreScope scope, string mode)
    {
        await using var db = await scope.ContextAsync(StoreOf(mode));
        return await db.Prospects.AsNoTracking().SingleAsync();
    }

    private static async Task<List<string>> NamesAsync(ProspectService service, ProspectQuery query) =>
        [.. (await service.SearchProspectsAsync(Rep, query)).Items.Select(r => r.CompanyName)];

    // Created in this order so "updated" sorts them back to front; Delta is moved last in the search test.
    private static async Task<Dictionary<string, long>> SeedAsync(ProspectService service)
    {
        var inputs = new[]
        {
            new ProspectInput { CompanyName = "Acme Corp", FortuneRank = 10, Industry = "Retail", Owner = "a@x.test", LeadScore = 80m, EstimatedArrUsd = 100_000m },
            new ProspectInput { CompanyName = "beta Industries", FortuneRank = 200, Industry = "Energy", Owner = "b@x.test", LeadScore = 55.5m, EstimatedArrUsd = 250_000.50m },
            new ProspectInput { CompanyName = "Épsilon Bank", FortuneRank = 45, Industry = "Banking", Owner = "a@x.test", LeadScore = 70m, EstimatedArrUsd = 1_000_000m },
            new ProspectInput { CompanyName = "Gamma Holdings", Industry = "Retail", Owner = "a@x.test" },
            new ProspectInput { CompanyName = "Delta Air", FortuneRank = 3, Industry = "Airlines", Owner = "b@x.test", LeadScore = 91.25m, EstimatedArrUsd = 90_000m },
        };
        var ids = new Dictionary<string, long>();
        foreach (var input in inputs)
        {
            ids[input.CompanyName] = (await service.CreateProspectAsync(Rep, input)).Id;
        }

        return ids;
    }
}
