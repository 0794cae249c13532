using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Acquisition;

/// <summary>The prospect pipeline: create and edit prospects, search the grid, move stages. Works the same on either store.</summary>
public sealed class AcquisitionService(IStoreRouter router, TimeProvider clock)
{
    public async Task<ProspectRow> CreateProspectAsync(ICurrentUser user, ProspectInput input, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        await ValidateAsync(db, input, exceptId: null, ct);

        var now = Now();
        var prospect = new Prospect { Status = ProspectStatus.Identified, CreatedAt = now, UpdatedAt = now };
        Apply(prospect, input);
        db.Prospects.Add(prospect);
        await db.SaveChangesAsync(ct);
        return RowOf(prospect);
    }

    /// <summary>Saves an edit made on the copy read at <paramref name="expectedUpdatedAt"/>; refuses it if the prospect changed since.</summary>
    public async Task<ProspectRow> UpdateProspectAsync(ICurrentUser user, long id, ProspectInput input, DateTime? expectedUpdatedAt, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var prospect = await FindAsync(db, id, ct);
        if (prospect.UpdatedAt != expectedUpdatedAt)
        {
            throw new ProspectConcurrencyException(
                $"{prospect.CompanyName} was changed by someone else at {prospect.UpdatedAt:yyyy-MM-dd HH:mm:ss} UTC after you opened it. "
                + "Reload it and make your edit again; nothing was overwritten.");
        }

        await ValidateAsync(db, input, exceptId: id, ct);
        Apply(prospect, input);
        prospect.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return RowOf(prospect);
    }

    /// <summary>
    /// Filters in SQL, then sorts and pages the filtered grid rows in process: the two stores order text by different
    /// collations and the legacy SQLite keeps money as REAL and dates as mixed-format text, so SQL ordering would give
    /// different pages on each store. A pipeline holds hundreds to a few thousand prospects, so this stays cheap.
    /// </summary>
    public async Task<PagedResult<ProspectRow>> SearchProspectsAsync(ICurrentUser user, ProspectQuery query, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        var pageSize = Math.Clamp(query.PageSize, 1, ProspectQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);

        await using var db = await router.CreateContextAsync(ct);
        var rows = await Filter(db.Prospects.AsNoTracking(), query)
            .Select(p => new ProspectRow(p.Id, p.CompanyName, p.FortuneRank, p.Industry, p.Status, p.Owner, p.LeadScore, p.EstimatedArrUsd, p.CreatedAt, p.UpdatedAt))
            .ToListAsync(ct);

        var items = Sort(rows, query.SortBy, query.Descending).Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new PagedResult<ProspectRow>(items, rows.Count, page, pageSize);
    }

    /// <summary>Moves a prospect to another stage if <see cref="ProspectStages"/> allows it; a refusal is returned, not thrown.</summary>
    public async Task<StageMoveResult> MoveStageAsync(ICurrentUser user, long id, string toStage, string? reason = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var prospect = await FindAsync(db, id, ct);
        var result = ProspectStages.Check(prospect.Status, toStage, reason);
        if (!result.Allowed)
        {
            return result;
        }

        if (toStage == ProspectStatus.Lost)
        {
            var line = $"Lost: {reason!.Trim()}";
            prospect.Notes = string.IsNullOrWhiteSpace(prospect.Notes) ? line : $"{prospect.Notes}\n{line}";
        }

        prospect.Status = toStage;
        prospect.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return result;
    }

    public static CommitteeCoverage CoverageOf(Prospect prospect) => CommitteeCoverage.Of(prospect.DecisionMakers);

    private static IQueryable<Prospect> Filter(IQueryable<Prospect> prospects, ProspectQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // lower() folds only ASCII on SQLite; PostgreSQL folds all of Unicode.
            var text = query.Search.Trim().ToLowerInvariant();
            prospects = prospects.Where(p => p.CompanyName.ToLower().Contains(text)
                || (p.Industry != null && p.Industry.ToLower().Contains(text))
                || (p.Owner != null && p.Owner.ToLower().Contains(text)));
        }

        if (!string.IsNullOrWhiteSpace(query.Stage))
        {
            prospects = prospects.Where(p => p.Status == query.Stage);
        }

        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            var owner = query.Owner.Trim().ToLowerInvariant();
            prospects = prospects.Where(p => p.Owner != null && p.Owner.ToLower() == owner);
        }

        if (!string.IsNullOrWhiteSpace(query.Industry))
        {
            var industry = query.Industry.Trim().ToLowerInvariant();
            prospects = prospects.Where(p => p.Industry != null && p.Industry.ToLower() == industry);
        }

        if (query.MinScore is { } min)
        {
            prospects = prospects.Where(p => p.LeadScore >= min);
        }

        if (query.MaxScore is { } max)
        {
            prospects = prospects.Where(p => p.LeadScore <= max);
        }

        return prospects;
    }

    // Empty values sort last in both directions; the id breaks ties so pages never overlap.
    private static IEnumerable<ProspectRow> Sort(List<ProspectRow> rows, ProspectSortField field, bool descending) => field switch
    {
        ProspectSortField.Rank => By(rows, r => r.FortuneRank, descending),
        ProspectSortField.Score => By(rows, r => r.LeadScore, descending),
        ProspectSortField.Arr => By(rows, r => r.EstimatedArrUsd, descending),
        ProspectSortField.Updated => By(rows, r => (DateTime?)(r.UpdatedAt ?? r.CreatedAt), descending),
        _ => descending
            ? rows.OrderByDescending(r => r.CompanyName.Trim(), StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id)
            : rows.OrderBy(r => r.CompanyName.Trim(), StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id),
    };

    private static IEnumerable<ProspectRow> By<TKey>(List<ProspectRow> rows, Func<ProspectRow, TKey?> key, bool descending)
        where TKey : struct
    {
        var withValue = rows.Where(r => key(r).HasValue);
        var ordered = descending
            ? withValue.OrderByDescending(r => key(r)!.Value).ThenBy(r => r.Id)
            : withValue.OrderBy(r => key(r)!.Value).ThenBy(r => r.Id);
        return ordered.Concat(rows.Where(r => !key(r).HasValue).OrderBy(r => r.Id));
    }

    private async Task ValidateAsync(Epic16Context db, ProspectInput input, long? exceptId, CancellationToken ct)
    {
        var problems = ProspectValidator.Validate(input);
        if (!string.IsNullOrWhiteSpace(input.CompanyName))
        {
            var name = input.CompanyName.Trim();
            // Candidates by trimmed length in SQL, the case-insensitive match here: SQLite's lower() misses non-ASCII letters.
            var sameLength = await db.Prospects.AsNoTracking()
                .Where(p => p.CompanyName.Trim().Length == name.Length && p.Id != exceptId)
                .Select(p => p.CompanyName)
                .ToListAsync(ct);
            var taken = sameLength.FirstOrDefault(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (taken is not null)
            {
                problems.Add(new(nameof(ProspectInput.CompanyName), $"A prospect named \"{taken.Trim()}\" already exists."));
            }
        }

        if (problems.Count > 0)
        {
            throw new ProspectValidationException(problems);
        }
    }

    private static async Task<Prospect> FindAsync(Epic16Context db, long id, CancellationToken ct) =>
        await db.Prospects.SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new KeyNotFoundException($"There is no prospect with id {id}.");

    private static void Apply(Prospect prospect, ProspectInput input)
    {
        prospect.CompanyName = input.CompanyName.Trim();
        prospect.FortuneRank = input.FortuneRank;
        prospect.Industry = Clean(input.Industry);
        prospect.Headquarters = Clean(input.Headquarters);
        prospect.AnnualRevenueUsd = Money(input.AnnualRevenueUsd);
        prospect.EmployeeCount = input.EmployeeCount;
        prospect.Website = Clean(input.Website);
        prospect.LeadScore = input.LeadScore is { } score ? decimal.Round(score, 2, MidpointRounding.AwayFromZero) : null;
        prospect.EstimatedArrUsd = Money(input.EstimatedArrUsd);
        prospect.DecisionMakers = input.DecisionMakers is null ? null : [.. input.DecisionMakers];
        prospect.TechStack = input.TechStack is null ? null : [.. input.TechStack];
        prospect.PainPoints = input.PainPoints is null ? null : [.. input.PainPoints];
        prospect.Owner = Clean(input.Owner);
        prospect.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static decimal? Money(decimal? value) => value is { } v ? decimal.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private static ProspectRow RowOf(Prospect p) =>
        new(p.Id, p.CompanyName, p.FortuneRank, p.Industry, p.Status, p.Owner, p.LeadScore, p.EstimatedArrUsd, p.CreatedAt, p.UpdatedAt);

    // Both stores keep microseconds, so the value handed back for a later edit equals what was saved.
    private DateTime Now()
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }
}
