using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.Acquisition.BusinessCases;

/// <summary>Every case runs with the legacy SQLite files as the store and again with PostgreSQL.</summary>
public sealed class BusinessCaseServiceTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Rep = new TestUser("rep@epic16.test", AppRoles.Sales);

    private static readonly BusinessCaseInput Valid = new()
    {
        Title = "Claims automation", InvestmentUsd = 250_000m, AnnualBenefitUsd = 180_000.555m, HorizonYears = 3, DiscountRate = 0.10m,
    };

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task SaveAsync_NewDraft_StoresTheCalculatorsFigures(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (cases, prospectId) = await ArrangeAsync(scope);

        var saved = await cases.SaveAsync(Rep, prospectId, null, Valid, null);

        var expected = RoiCalculator.Compute(250_000m, 180_000.56m, 3, 0.10m);
        Assert.Equal(expected, saved.Figures);
        Assert.Equal(BusinessCaseStatus.Draft, saved.Status);
        Assert.Equal([BusinessCaseStatus.Presented], saved.NextStatuses);
        await using var db = await scope.ContextAsync(StoreOf(mode));
        var row = await db.BusinessCases.AsNoTracking().SingleAsync();
        Assert.Equal((expected.NpvUsd, expected.RoiPercent, expected.PaybackMonths), (row.NpvUsd, row.RoiPercent, row.PaybackMonths));
        Assert.Equal(180_000.56m, row.AnnualBenefitUsd);
        var current = await cases.CurrentAsync(Rep, prospectId);
        Assert.Equal((saved.Id, saved.Figures, saved.UpdatedAt, saved.Title), (current!.Id, current.Figures, current.UpdatedAt, current.Title));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task SaveAsync_InvalidInput_ReportsEveryFieldAndSavesNothing(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (cases, prospectId) = await ArrangeAsync(scope);
        var input = new BusinessCaseInput { Title = " ", InvestmentUsd = -1m, AnnualBenefitUsd = null, HorizonYears = 31, DiscountRate = 1.5m };

        var error = await Assert.ThrowsAsync<BusinessCaseValidationException>(() => cases.SaveAsync(Rep, prospectId, null, input, null));

        Assert.Contains("title is required", error.Errors[nameof(BusinessCaseInput.Title)]);
        Assert.Contains("cannot be negative", error.Errors[nameof(BusinessCaseInput.InvestmentUsd)]);
        Assert.Contains("is required", error.Errors[nameof(BusinessCaseInput.AnnualBenefitUsd)]);
        Assert.Contains("1 to 30 years", error.Errors[nameof(BusinessCaseInput.HorizonYears)]);
        Assert.Contains("0 to 100 %", error.Errors[nameof(BusinessCaseInput.DiscountRate)]);
        Assert.Empty(await cases.ListAsync(Rep, prospectId));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task SaveAsync_StaleCopy_IsRefusedAndNotOverwritten(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (cases, prospectId) = await ArrangeAsync(scope);
        var opened = await cases.SaveAsync(Rep, prospectId, null, Valid, null);

        var first = await cases.SaveAsync(Rep, prospectId, opened.Id, Valid with { InvestmentUsd = 300_000m }, opened.UpdatedAt);
        var error = await Assert.ThrowsAsync<BusinessCaseConcurrencyException>(
            () => cases.SaveAsync(Rep, prospectId, opened.Id, Valid with { InvestmentUsd = 1m }, opened.UpdatedAt));
        var staleMove = await Record.ExceptionAsync(() => cases.MoveStatusAsync(Rep, opened.Id, BusinessCaseStatus.Presented, opened.UpdatedAt));

        Assert.Contains("changed by someone else", error.Message);
        Assert.IsType<BusinessCaseConcurrencyException>(staleMove);
        var current = await cases.CurrentAsync(Rep, prospectId);
        Assert.Equal((300_000m, BusinessCaseStatus.Draft, first.UpdatedAt), (current!.InvestmentUsd, current.Status, current.UpdatedAt));
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task MoveStatusAsync_DraftPresentedAccepted_FollowsTheRulesAndExplainsRefusals(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (cases, prospectId) = await ArrangeAsync(scope);
        var draft = await cases.SaveAsync(Rep, prospectId, null, Valid, null);

        var skipped = await cases.MoveStatusAsync(Rep, draft.Id, BusinessCaseStatus.Accepted, draft.UpdatedAt);
        var presented = await cases.MoveStatusAsync(Rep, draft.Id, BusinessCaseStatus.Presented, draft.UpdatedAt);
        var afterPresenting = (await cases.CurrentAsync(Rep, prospectId))!;
        var editPresented = await Assert.ThrowsAsync<BusinessCaseValidationException>(
            () => cases.SaveAsync(Rep, prospectId, draft.Id, Valid with { Title = "Changed" }, afterPresenting.UpdatedAt));
        var accepted = await cases.MoveStatusAsync(Rep, draft.Id, BusinessCaseStatus.Accepted, afterPresenting.UpdatedAt);
        var afterAccepting = (await cases.CurrentAsync(Rep, prospectId))!;
        var reopened = await cases.MoveStatusAsync(Rep, draft.Id, BusinessCaseStatus.Draft, afterAccepting.UpdatedAt);

        Assert.False(skipped.Allowed);
        Assert.Contains("must be presented", skipped.Why);
        Assert.True(presented.Allowed);
        Assert.Contains("only a draft can be edited", editPresented.Errors[nameof(BusinessCaseInput.Title)]);
        Assert.True(accepted.Allowed);
        Assert.False(reopened.Allowed);
        Assert.Contains("final", reopened.Why);
        Assert.Equal((BusinessCaseStatus.Accepted, "Claims automation"), (afterAccepting.Status, afterAccepting.Title));
        Assert.Empty(afterAccepting.NextStatuses);
        Assert.Equal(BusinessCaseStatus.Accepted, (await cases.CurrentAsync(Rep, prospectId))!.Status);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task EveryOperation_CallerWithoutSalesOrAdmin_IsDenied(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (cases, prospectId) = await ArrangeAsync(scope);
        var draft = await cases.SaveAsync(Rep, prospectId, null, Valid, null);
        var executive = new TestUser("ceo@epic16.test", AppRoles.Executive);

        await Assert.ThrowsAsync<AccessDeniedException>(() => cases.ListAsync(executive, prospectId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => cases.SaveAsync(executive, prospectId, null, Valid, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => cases.MoveStatusAsync(executive, draft.Id, BusinessCaseStatus.Presented, draft.UpdatedAt));

        Assert.Equal([(draft.Id, BusinessCaseStatus.Draft)], (await cases.ListAsync(Rep, prospectId)).Select(c => (c.Id, c.Status)));
    }

    [Fact]
    public async Task SaveAndMove_SameStepsOnBothStores_GiveEqualCases()
    {
        var results = new List<string>();
        foreach (var mode in new BothStores())
        {
            await using var scope = await StoreScope.CreateAsync(postgres, mode);
            var (cases, prospectId) = await ArrangeAsync(scope);
            var first = await cases.SaveAsync(Rep, prospectId, null, Valid, null);
            await cases.MoveStatusAsync(Rep, first.Id, BusinessCaseStatus.Presented, first.UpdatedAt);
            await cases.SaveAsync(Rep, prospectId, null, Valid with { Title = "Second", AnnualBenefitUsd = 10_000m, HorizonYears = 5, DiscountRate = 0m }, null);
            results.Add(string.Join("\n", (await cases.ListAsync(Rep, prospectId)).Select(c =>
                $"{c.Title},{c.InvestmentUsd},{c.AnnualBenefitUsd},{c.HorizonYears},{c.DiscountRate},{c.Status},{c.Figures}")));
        }

        Assert.Equal(results[0], results[1]);
        Assert.StartsWith("Second,250000", results[0]);
        Assert.Contains("PaybackMonths = ", results[0]);
    }

    private static async Task<(BusinessCaseService Cases, long ProspectId)> ArrangeAsync(StoreScope scope)
    {
        var services = scope.Services.CreateScope().ServiceProvider;
        var prospect = await services.GetRequiredService<ProspectService>().CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Acme Corp" });
        return (services.GetRequiredService<BusinessCaseService>(), prospect.Id);
    }

    private static StoreKind StoreOf(string mode) => mode == "PostgresOnly" ? StoreKind.Postgres : StoreKind.Sqlite;
}
