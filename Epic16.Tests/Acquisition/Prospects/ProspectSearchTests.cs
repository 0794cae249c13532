using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Acquisition.Prospects;

/// <summary>The prospect text search: literal wildcards on both stores, and PostgreSQL's trigram indexes serving it.</summary>
public sealed class ProspectSearchTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Rep = new TestUser("rep@epic16.test", AppRoles.Sales);

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task SearchProspectsAsync_PercentAndUnderscore_AreLiteral(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var service = scope.Services.CreateScope().ServiceProvider.GetRequiredService<ProspectService>();
        foreach (var name in new[] { "100% Solar", "1000 Solar", "Net_Zero Corp", "NetZero Ltd" })
        {
            await service.CreateProspectAsync(Rep, new ProspectInput { CompanyName = name });
        }

        Assert.Equal(["100% Solar"], await NamesAsync(service, new() { Search = "0%" }));
        Assert.Equal(["Net_Zero Corp"], await NamesAsync(service, new() { Search = "t_z" }));
        Assert.Equal(["1000 Solar", "100% Solar"], await NamesAsync(service, new() { Search = "SOLAR", SortBy = ProspectSortField.Company, Descending = true }));
    }

    [Fact]
    public async Task SearchProspectsAsync_OnPostgres_IsServedByTheTrigramIndexes()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "PostgresOnly");
        await using var db = await scope.Router.CreateContextAsync(StoreKind.Postgres);
        var sql = db.Prospects.IgnoreQueryFilters().Where(p => EF.Functions.Like(p.CompanyName.ToLower(), "%acme%", "\\")
            || EF.Functions.Like(p.Industry!.ToLower(), "%acme%", "\\") || EF.Functions.Like(p.Owner!.ToLower(), "%acme%", "\\")).ToQueryString();
        var text = await PostgresPlan.ExplainAsync(scope.ConnectionString, sql);
        Assert.Contains("ix_f500_prospects_company_name_trgm", text);
        Assert.Contains("ix_f500_prospects_industry_trgm", text);
        Assert.Contains("ix_f500_prospects_owner_trgm", text);
    }

    private static async Task<List<string>> NamesAsync(ProspectService service, ProspectQuery query) =>
        [.. (await service.SearchProspectsAsync(Rep, query)).Items.Select(r => r.CompanyName)];
}
