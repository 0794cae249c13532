using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Persistence;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Tests.Abm;

/// <summary>The touchpoints list's order is read from its expression index, which only holds while its expressions are the ones EF writes.</summary>
public sealed class TouchpointIndexTests(PostgresServer postgres)
{
    [Fact]
    public async Task LatestFirst_OnPostgres_IsServedByTheLatestIndexWithoutASort()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "PostgresOnly");
        await using var db = await scope.Router.CreateContextAsync(StoreKind.Postgres);
        var sql = TouchpointService.LatestFirst(db.Touchpoints.IgnoreQueryFilters()).Select(t => t.Id).ToQueryString();

        var plan = await PostgresPlan.ExplainAsync(scope.ConnectionString, sql);

        Assert.Contains("ix_abm_touchpoints_latest", plan);
        Assert.DoesNotContain("Sort", plan);
    }
}
