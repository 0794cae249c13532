using System.Text.Json;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Auditing;
using Epic16.Domain.Crm;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Conversion;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.Acquisition.Conversion;

/// <summary>The CRM is PostgreSQL in every mode; every case runs with the Epic 16 tables on SQLite and again on PostgreSQL.</summary>
public sealed class CrmConversionServiceTests(PostgresServer postgres)
{
    private static readonly TestUser Rep = TestUser.Rep;

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task PreviewAsync_QualifiedWithAcceptedCase_ListsNewAndReusedContactsMakersWithoutEmailAndTheDeal(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var id = await ConversionData.ProspectAsync(scope, ProspectStatus.Qualified, BusinessCaseStatus.Accepted);
        var existing = await Crm(scope).CreateContactAsync("Bo Li", "bo@acme.test", "Acme Corp", "CTO", "epic7");

        var preview = await Service(scope).PreviewAsync(Rep, id);

        Assert.True(preview.CanConvert);
        Assert.Empty(preview.BlockingReasons);
        Assert.Equal(["ana.ruiz@acme.test", "bo@acme.test"], preview.Contacts.Select(c => c.Email));
        Assert.Equal([(false, (long?)null), (true, existing.Id)], preview.Contacts.Select(c => (c.Reused, c.ExistingCrmContactId)));
        Assert.Equal(["Cy Park", "Di <b>Ng</b>"], preview.MakersWithoutEmail);
        Assert.Equal(("Acme Corp", 250_000.50m, $"epic16:prospect:{id}", (long?)null), (preview.Deal.Company, preview.Deal.ValueUsd, preview.Deal.Source, preview.Deal.ExistingDealId));
        Assert.False(preview.AlreadyConverted);
        Assert.Equal(1, await CountAsync<CrmContact>(scope));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task ConvertAsync_CreatesContactsOneDealConversionRowsAndGrowsThePipelineByTheDeal(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var id = await ConversionData.ProspectAsync(scope, ProspectStatus.Negotiation, BusinessCaseStatus.Accepted);
        await Crm(scope).OpenDealAsync("Existing renewal", "Other Co", null, 100_000m, "epic7");

        var result = await Service(scope).ConvertAsync(Rep, id);

        Assert.Equal((100_000m, 350_000.50m, true, 2), (result.PipelineBeforeUsd, result.PipelineAfterUsd, result.DealCreated, result.ConversionRowsWritten));
        Assert.Equal(250_000.50m, result.DealValueUsd);
        Assert.All(result.Contacts, c => Assert.True(c.Created));
        Assert.Equal(["Cy Park", "Di <b>Ng</b>"], result.MakersWithoutEmail);
        Assert.Equal(350_000.50m, await Crm(scope).OpenPipelineValueAsync());
        Assert.Equal((2, 2), (await CountAsync<CrmContact>(scope), await CountAsync<CrmDeal>(scope)));

        await using var platform = await Platform(scope);
        var deal = await platform.CrmDeals.Include(d => d.Contact).SingleAsync(d => d.Source == $"epic16:prospect:{id}");
        Assert.Equal(("Acme Corp", 250_000.50m, CrmDealStatus.Open, "ana.ruiz@acme.test"), (deal.Company, deal.ValueUsd, deal.Status, deal.Contact!.Email));
        await using var store = await scope.ContextAsync(StoreOf(mode));
        var rows = await store.CrmConversions.AsNoTracking().OrderBy(c => c.DecisionMakerEmail).ToListAsync();
        Assert.Equal(result.Contacts.Select(c => (c.Email, c.CrmContactId)), rows.Select(r => (r.DecisionMakerEmail, r.CrmContactId)));
        Assert.All(rows, r => Assert.Equal(Rep.Name, r.ConvertedBy));
        Assert.Equal(ProspectStatus.Converted, (await store.Prospects.AsNoTracking().SingleAsync()).Status);

        var entry = (await scope.Services.CreateScope().ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(1)).Single();
        Assert.Equal((CrmConversionService.AuditAction, $"prospect:{id}", Rep.Name), (entry.Action, entry.Target, entry.Actor));
        using var details = JsonDocument.Parse(entry.Details!);
        Assert.Equal(100_000m, details.RootElement.GetProperty("pipelineBefore").GetDecimal());
        Assert.Equal(350_000.50m, details.RootElement.GetProperty("pipelineAfter").GetDecimal());
        Assert.Equal(deal.Id, details.RootElement.GetProperty("deal").GetProperty("id").GetInt64());
        Assert.Equal(2, details.RootElement.GetProperty("contacts").GetArrayLength());

        var move = await scope.Services.CreateScope().ServiceProvider.GetRequiredService<ProspectService>().MoveStageAsync(Rep, id, ProspectStatus.Negotiation);
        Assert.False(move.Allowed);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task ConvertAsync_Retry_CreatesNothingAndKeepsThePipeline(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var id = await ConversionData.ProspectAsync(scope, ProspectStatus.Qualified, BusinessCaseStatus.Accepted);
        var first = await Service(scope).ConvertAsync(Rep, id);

        var retry = await Service(scope).ConvertAsync(Rep, id);
        var preview = await Service(scope).PreviewAsync(Rep, id);

        Assert.True(retry.CreatedNothing);
        Assert.Equal((first.DealId, first.PipelineAfterUsd, first.PipelineAfterUsd), (retry.DealId, retry.PipelineBeforeUsd, retry.PipelineAfterUsd));
        Assert.Equal(first.Contacts.Select(c => c.CrmContactId), retry.Contacts.Select(c => c.CrmContactId));
        Assert.True(preview.AlreadyConverted);
        Assert.Equal(first.DealId, preview.Deal.ExistingDealId);
        Assert.All(preview.Contacts, c => Assert.True(c.Reused));
        Assert.Equal((2, 1), (await CountAsync<CrmContact>(scope), await CountAsync<CrmDeal>(scope)));
        await using var store = await scope.ContextAsync(StoreOf(mode));
        Assert.Equal(2, await store.CrmConversions.CountAsync());
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task ConvertAsync_TwoConcurrentCalls_CreateOneDealAndOneSetOfContacts(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var id = await ConversionData.ProspectAsync(scope, ProspectStatus.Proposal, BusinessCaseStatus.Accepted);
        await Crm(scope).OpenDealAsync("Existing renewal", "Other Co", null, 42_000m, "epic7");

        var results = await Task.WhenAll(Service(scope).ConvertAsync(Rep, id), Service(scope).ConvertAsync(Rep, id));

        Assert.Single(results, r => r.DealCreated);
        Assert.Single(results, r => r.CreatedNothing);
        Assert.Equal(results[0].DealId, results[1].DealId);
        Assert.Equal((2, 2), (await CountAsync<CrmContact>(scope), await CountAsync<CrmDeal>(scope)));
        Assert.Equal(292_000.50m, await Crm(scope).OpenPipelineValueAsync());
        await using var store = await scope.ContextAsync(StoreOf(mode));
        Assert.Equal(2, await store.CrmConversions.CountAsync());
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task ConvertAsync_PipelineMovedByMoreThanTheDeal_IsNotReportedAndTheRetryCompletesIt(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var id = await ConversionData.ProspectAsync(scope, ProspectStatus.Qualified, BusinessCaseStatus.Accepted);
        await using (var platform = await Platform(scope))
        {
            // Another Epic 7 writer opening a deal while the conversion runs.
            await platform.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION sneak_deal() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO crm_deals (name, company, value_usd, status, source, created_at)
                      VALUES ('Sneaked', 'Other Co', 1000, 'open', 'epic7', now()); RETURN NULL; END $$;
                CREATE TRIGGER sneak AFTER INSERT ON crm_deals FOR EACH ROW WHEN (NEW.source LIKE 'epic16:%') EXECUTE FUNCTION sneak_deal();
                """);
        }

        var error = await Assert.ThrowsAsync<PipelineProtectionException>(() => Service(scope).ConvertAsync(Rep, id));

        Assert.Equal((0m, 250_000.50m, 251_000.50m), (error.BeforeUsd, error.ExpectedUsd, error.AfterUsd));
        var entry = (await scope.Services.CreateScope().ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(1)).Single();
        Assert.StartsWith("Refused", entry.Reason);
        Assert.Contains("\"pipelineAfter\":251000.50", entry.Details);
        await using (var store = await scope.ContextAsync(StoreOf(mode)))
        {
            Assert.Equal(0, await store.CrmConversions.CountAsync());
            Assert.Equal(ProspectStatus.Qualified, (await store.Prospects.AsNoTracking().SingleAsync()).Status);
        }

        var retry = await Service(scope).ConvertAsync(Rep, id);

        Assert.Equal((false, 2, 251_000.50m, 251_000.50m), (retry.DealCreated, retry.ConversionRowsWritten, retry.PipelineBeforeUsd, retry.PipelineAfterUsd));
        Assert.Equal((2, 2), (await CountAsync<CrmContact>(scope), await CountAsync<CrmDeal>(scope)));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task ConvertAsync_NotQualifiedNoAcceptedCaseOrLost_IsRefusedAndCreatesNothing(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var engaged = await ConversionData.ProspectAsync(scope, ProspectStatus.Engaged, BusinessCaseStatus.Accepted, "Engaged Co");
        var draft = await ConversionData.ProspectAsync(scope, ProspectStatus.Qualified, BusinessCaseStatus.Presented, "Draft Co");
        var lost = await ConversionData.ProspectAsync(scope, ProspectStatus.Lost, BusinessCaseStatus.Accepted, "Lost Co");

        var notQualified = await Assert.ThrowsAsync<ConversionRefusedException>(() => Service(scope).ConvertAsync(Rep, engaged));
        var noCase = await Assert.ThrowsAsync<ConversionRefusedException>(() => Service(scope).ConvertAsync(Rep, draft));
        var wasLost = await Assert.ThrowsAsync<ConversionRefusedException>(() => Service(scope).ConvertAsync(Rep, lost));
        var preview = await Service(scope).PreviewAsync(Rep, draft);

        Assert.Contains("only a qualified prospect", Assert.Single(notQualified.Reasons));
        Assert.Contains("no accepted business case", Assert.Single(noCase.Reasons));
        Assert.Contains("is lost", Assert.Single(wasLost.Reasons));
        Assert.False(preview.CanConvert);
        Assert.Equal(noCase.Reasons, preview.BlockingReasons);
        Assert.Equal((0, 0), (await CountAsync<CrmContact>(scope), await CountAsync<CrmDeal>(scope)));
        await using var store = await scope.ContextAsync(StoreOf(mode));
        Assert.Equal(0, await store.CrmConversions.CountAsync());
        Assert.DoesNotContain(await store.Prospects.Select(p => p.Status).ToListAsync(), s => s == ProspectStatus.Converted);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task EveryOperation_CustomerSuccessUser_IsDenied(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var id = await ConversionData.ProspectAsync(scope, ProspectStatus.Qualified, BusinessCaseStatus.Accepted);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(scope).PreviewAsync(TestUser.Csm, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(scope).ConvertAsync(TestUser.Csm, id));

        Assert.Equal((0, 0), (await CountAsync<CrmContact>(scope), await CountAsync<CrmDeal>(scope)));
        Assert.True((await Service(scope).PreviewAsync(Rep, id)).CanConvert);
    }

    internal static CrmConversionService Service(StoreScope scope) =>
        scope.Services.CreateScope().ServiceProvider.GetRequiredService<CrmConversionService>();

    internal static CrmService Crm(StoreScope scope) => scope.Services.CreateScope().ServiceProvider.GetRequiredService<CrmService>();

    internal static Task<PlatformContext> Platform(StoreScope scope) =>
        scope.Services.GetRequiredService<IDbContextFactory<PlatformContext>>().CreateDbContextAsync();

    private static async Task<int> CountAsync<T>(StoreScope scope)
        where T : class
    {
        await using var db = await Platform(scope);
        return await db.Set<T>().CountAsync();
    }

    private static StoreKind StoreOf(string mode) => mode == "PostgresOnly" ? StoreKind.Postgres : StoreKind.Sqlite;
}
