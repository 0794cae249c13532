using Epic16.Domain.Acquisition;
using Epic16.Domain.Crm;
using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Conversion;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.Acquisition.Conversion;

/// <summary>Conversion on the seed-demo data: legacy files as the store, the demo Epic 7 CRM with its protected pipeline.</summary>
public sealed class CrmConversionDemoDataTests(PostgresServer postgres)
{
    [Fact]
    public async Task ConvertAsync_DemoProspects_GrowTheDemoPipelineByExactlyTheirDeals()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "SqliteOnly");
        await scope.Services.CreateScope().ServiceProvider.GetRequiredService<DemoDataSeeder>()
            .SeedAsync(scope.LegacyDirectory, force: true, ct: TestContext.Current.CancellationToken);
        var service = CrmConversionServiceTests.Service(scope);
        var (ready, converted) = await CandidatesAsync(scope);
        Assert.NotEmpty(ready);

        var before = await CrmConversionServiceTests.Crm(scope).OpenPipelineValueAsync();
        var results = new List<ConversionResult>();
        foreach (var id in ready)
        {
            var preview = await service.PreviewAsync(TestUser.Rep, id);
            Assert.True(preview.CanConvert, string.Join(" ", preview.BlockingReasons));
            var result = await service.ConvertAsync(TestUser.Rep, id);
            Assert.Equal(preview.Contacts.Select(c => c.Email), result.Contacts.Select(c => c.Email));
            Assert.Equal(preview.Deal.ValueUsd, result.DealValueUsd);
            Assert.Equal(result.PipelineBeforeUsd + preview.Deal.ValueUsd, result.PipelineAfterUsd);
            results.Add(result);
        }

        var legacyConverted = await service.ConvertAsync(TestUser.Rep, converted);

        Assert.Equal(CrmDemoData.OpenPipelineUsd, before);
        var added = results.Sum(r => r.DealValueUsd!.Value);
        Assert.Equal(before + added, await CrmConversionServiceTests.Crm(scope).OpenPipelineValueAsync());
        await using var platform = await CrmConversionServiceTests.Platform(scope);
        var fromEpic16 = await platform.CrmDeals.Where(d => d.Status == CrmDealStatus.Open && d.Source!.StartsWith("epic16:prospect:")).SumAsync(d => d.ValueUsd);
        Assert.Equal(added, fromEpic16);
        Assert.True(legacyConverted.CreatedNothing);
        Assert.Equal(legacyConverted.PipelineBeforeUsd, legacyConverted.PipelineAfterUsd);

        await using var store = await scope.ContextAsync(StoreKind.Sqlite);
        var statuses = await store.Prospects.AsNoTracking().Where(p => ready.Contains(p.Id)).Select(p => p.Status).ToListAsync();
        Assert.All(statuses, s => Assert.Equal(ProspectStatus.Converted, s));
    }

    /// <summary>Open prospects past qualification with an accepted case, an ARR and an e-mail in the committee; and one the legacy app converted.</summary>
    private static async Task<(List<long> Ready, long Converted)> CandidatesAsync(StoreScope scope)
    {
        await using var db = await scope.ContextAsync(StoreKind.Sqlite);
        var accepted = await db.BusinessCases.AsNoTracking().Where(b => b.Status == BusinessCaseStatus.Accepted).Select(b => b.ProspectId).ToListAsync();
        var prospects = await db.Prospects.AsNoTracking().Where(p => accepted.Contains(p.Id)).ToListAsync();
        var ready = prospects
            .Where(p => CrmConversionService.ConvertibleStages.Contains(p.Status) && p.EstimatedArrUsd is not null
                && (p.DecisionMakers ?? []).Any(m => m.Email is { } e && ProspectValidator.IsEmail(e)))
            .OrderBy(p => p.Id).Select(p => p.Id).ToList();
        var converted = prospects.Where(p => p.Status == ProspectStatus.Converted).Select(p => p.Id).FirstOrDefault();
        Assert.NotEqual(0, converted);
        return (ready, converted);
    }
}
