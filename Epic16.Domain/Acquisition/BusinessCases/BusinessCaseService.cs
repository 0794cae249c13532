using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;

namespace Epic16.Domain.Acquisition.BusinessCases;

/// <summary>
/// A prospect's business cases: drafted and edited with field validation, stale edits refused rather than overwritten,
/// the figures (NPV, ROI, payback) always computed by <see cref="RoiCalculator"/> from the inputs and stored with them,
/// and the status moved only as <see cref="BusinessCaseStatuses"/> allows. Works the same on either store.
/// </summary>
public sealed class BusinessCaseService(IStoreRouter router, TimeProvider clock)
{
    public const decimal DefaultDiscountRate = 0.08m;
    public const int DefaultHorizonYears = 3;

    /// <summary>The prospect's cases, newest first (sorted here: a prospect has a handful, and legacy dates are text).</summary>
    public async Task<IReadOnlyList<BusinessCaseView>> ListAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var cases = await db.BusinessCases.AsNoTracking().Where(c => c.ProspectId == prospectId).ToListAsync(ct);
        return [.. cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(ViewOf)];
    }

    /// <summary>The case the prospect page works on: the newest one, or null when none was drafted yet.</summary>
    public async Task<BusinessCaseView?> CurrentAsync(ICurrentUser user, long prospectId, CancellationToken ct = default) =>
        (await ListAsync(user, prospectId, ct)).FirstOrDefault();

    /// <summary>
    /// Drafts a new case (<paramref name="caseId"/> null) or saves an edit of a draft made on the copy read at
    /// <paramref name="expectedUpdatedAt"/>. Invalid input throws <see cref="BusinessCaseValidationException"/> and saves nothing.
    /// </summary>
    public async Task<BusinessCaseView> SaveAsync(
        ICurrentUser user, long prospectId, long? caseId, BusinessCaseInput input, DateTime? expectedUpdatedAt, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        var problems = BusinessCaseValidator.Validate(input);
        if (problems.Count > 0)
        {
            throw new BusinessCaseValidationException(problems);
        }

        await using var db = await router.CreateContextAsync(ct);
        if (!await db.Prospects.AnyAsync(p => p.Id == prospectId, ct))
        {
            throw new KeyNotFoundException($"There is no prospect with id {prospectId}.");
        }

        var now = clock.UtcNowMicroseconds();
        BusinessCase businessCase;
        if (caseId is null)
        {
            businessCase = new BusinessCase { ProspectId = prospectId, Status = BusinessCaseStatus.Draft, CreatedAt = now };
            db.BusinessCases.Add(businessCase);
        }
        else
        {
            businessCase = await FindAsync(db, caseId.Value, ct);
            if (businessCase.ProspectId != prospectId)
            {
                throw new KeyNotFoundException($"Business case {caseId} does not belong to prospect {prospectId}.");
            }

            RefuseIfStale(businessCase, expectedUpdatedAt);
            if (!BusinessCaseStatuses.IsEditable(businessCase.Status))
            {
                throw new BusinessCaseValidationException(
                    [new(nameof(BusinessCaseInput.Title), $"This business case is {businessCase.Status}; only a draft can be edited. Move it back to draft first.")]);
            }
        }

        businessCase.Title = input.Title.Trim();
        businessCase.InvestmentUsd = Money.Cents(input.InvestmentUsd!.Value);
        businessCase.AnnualBenefitUsd = Money.Cents(input.AnnualBenefitUsd!.Value);
        businessCase.HorizonYears = input.HorizonYears;
        businessCase.DiscountRate = Rounding.HalfAwayFromZero(input.DiscountRate!.Value, 4);
        var figures = RoiCalculator.For(businessCase);
        businessCase.NpvUsd = figures.NpvUsd;
        businessCase.RoiPercent = figures.RoiPercent;
        businessCase.PaybackMonths = figures.PaybackMonths;
        businessCase.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return ViewOf(businessCase);
    }

    /// <summary>Moves the case's status if the rules allow it; a refusal is returned with the reason, not thrown.</summary>
    public async Task<StageMoveResult> MoveStatusAsync(ICurrentUser user, long caseId, string toStatus, DateTime? expectedUpdatedAt, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var businessCase = await FindAsync(db, caseId, ct);
        RefuseIfStale(businessCase, expectedUpdatedAt);
        var result = BusinessCaseStatuses.Check(businessCase.Status, toStatus);
        if (!result.Allowed)
        {
            return result;
        }

        businessCase.Status = toStatus;
        businessCase.UpdatedAt = clock.UtcNowMicroseconds();
        await db.SaveChangesAsync(ct);
        return result;
    }

    public static BusinessCaseView ViewOf(BusinessCase c) => new(
        c.Id, c.ProspectId, c.Title, c.InvestmentUsd, c.AnnualBenefitUsd, c.HorizonYears ?? DefaultHorizonYears, c.DiscountRate ?? DefaultDiscountRate,
        RoiCalculator.For(c), c.Status, BusinessCaseStatuses.TargetsFrom(c.Status), c.CreatedAt, c.UpdatedAt);

    private static void RefuseIfStale(BusinessCase businessCase, DateTime? expectedUpdatedAt)
    {
        if (businessCase.UpdatedAt != expectedUpdatedAt)
        {
            throw new BusinessCaseConcurrencyException(
                $"\"{businessCase.Title}\" was changed by someone else at {businessCase.UpdatedAt:yyyy-MM-dd HH:mm:ss} UTC after you opened it. "
                + "Reload it and make your change again; nothing was overwritten.");
        }
    }

    private static async Task<BusinessCase> FindAsync(Epic16Context db, long id, CancellationToken ct) =>
        await db.BusinessCases.SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new KeyNotFoundException($"There is no business case with id {id}.");
}
