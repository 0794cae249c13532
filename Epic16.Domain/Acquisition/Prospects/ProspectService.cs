using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Common;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>The prospect pipeline: create and edit prospects, search the grid, move stages. Works the same on either store.</summary>
public sealed class ProspectService(IStoreRouter router, TimeProvider clock)
{
    public async Task<ProspectRow> CreateProspectAsync(ICurrentUser user, ProspectInput input, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        await ValidateAsync(db, input, exceptId: null, ct);

        var now = clock.UtcNowMicroseconds();
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
        prospect.UpdatedAt = clock.UtcNowMicroseconds();
        await db.SaveChangesAsync(ct);
        return RowOf(prospect);
    }

    /// <summary>
    /// One page of the grid, filtered, sorted and paged in the database (see <see cref="ProspectFilter"/> for how both
    /// stores give the same pages), so the grid stays fast with a hundred thousand prospects.
    /// </summary>
    public async Task<PagedResult<ProspectRow>> SearchProspectsAsync(ICurrentUser user, ProspectQuery query, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        return await ProspectFilter.PageAsync(db, ProspectFilter.Apply(db.Prospects.AsNoTracking(), query), query, ProspectQuery.MaxPageSize, ct);
    }

    /// <summary>Every prospect the filters match, in the query's order (the grid's CSV export), at most <paramref name="limit"/> rows.</summary>
    public async Task<IReadOnlyList<ProspectRow>> ExportProspectsAsync(ICurrentUser user, ProspectQuery query, int limit = 100_000, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var filtered = ProspectFilter.Apply(db.Prospects.AsNoTracking(), query);
        return (await ProspectFilter.PageAsync(db, filtered, query with { Page = 1, PageSize = limit }, limit, ct)).Items;
    }

    /// <summary>
    /// The same rows as <see cref="ExportProspectsAsync"/>, read a chunk at a time as the caller consumes them (the CSV
    /// download endpoint writes each chunk to the response before the next is read), so no export is held whole in memory.
    /// </summary>
    public async IAsyncEnumerable<ProspectRow> StreamProspectsAsync(ICurrentUser user, ProspectQuery query, int limit = 100_000,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        const int chunk = 1_000;
        await using var db = await router.CreateContextAsync(ct);
        var filtered = ProspectFilter.Apply(db.Prospects.AsNoTracking(), query);
        for (var (page, sent) = (1, 0); sent < limit; page++)
        {
            var rows = (await ProspectFilter.PageAsync(db, filtered, query with { Page = page, PageSize = chunk }, chunk, ct)).Items;
            foreach (var row in rows.Take(limit - sent))
            {
                yield return row;
                sent++;
            }

            if (rows.Count < chunk)
            {
                yield break;
            }
        }
    }

    /// <summary>One prospect with everything the prospect page shows, or null when there is no such prospect.</summary>
    public async Task<Prospect?> GetProspectAsync(ICurrentUser user, long id, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        return await db.Prospects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
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

        var from = prospect.Status;
        prospect.Status = toStage;
        prospect.UpdatedAt = clock.UtcNowMicroseconds();
        await db.SaveChangesAsync(ct);
        return result with { From = from, To = toStage, MovedAt = prospect.UpdatedAt };
    }

    /// <summary>
    /// Takes back a move just made (the kanban's Undo), even one the rules would not allow backwards (a skip ahead, a loss),
    /// as long as nobody changed the prospect since; a loss's reason line is taken out of the notes again.
    /// </summary>
    public async Task<StageMoveResult> UndoStageMoveAsync(ICurrentUser user, long id, StageMoveResult move, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        if (!move.Allowed || move.From is null || move.To is null)
        {
            return StageMoveResult.Refused("There is no move to undo.");
        }

        await using var db = await router.CreateContextAsync(ct);
        var prospect = await FindAsync(db, id, ct);
        if (prospect.Status != move.To || prospect.UpdatedAt != move.MovedAt)
        {
            return StageMoveResult.Refused($"{prospect.CompanyName} was changed after the move (it is {prospect.Status} now), so the move cannot be undone.");
        }

        if (move.To == ProspectStatus.Lost && prospect.Notes is { } notes)
        {
            var cut = notes.LastIndexOf("Lost: ", StringComparison.Ordinal);
            prospect.Notes = cut <= 0 ? null : notes[..(cut - 1)];
        }

        prospect.Status = move.From;
        prospect.UpdatedAt = clock.UtcNowMicroseconds();
        await db.SaveChangesAsync(ct);
        return StageMoveResult.Ok with { From = move.To, To = move.From, MovedAt = prospect.UpdatedAt };
    }

    public static CommitteeCoverage CoverageOf(Prospect prospect) => CommitteeCoverage.Of(prospect.DecisionMakers);

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
        prospect.AnnualRevenueUsd = Money.Cents(input.AnnualRevenueUsd);
        prospect.EmployeeCount = input.EmployeeCount;
        prospect.Website = Clean(input.Website);
        prospect.LeadScore = input.LeadScore is { } score ? Rounding.HalfAwayFromZero(score, 2) : null;
        prospect.EstimatedArrUsd = Money.Cents(input.EstimatedArrUsd);
        prospect.DecisionMakers = input.DecisionMakers is null ? null : [.. input.DecisionMakers];
        prospect.TechStack = input.TechStack is null ? null : [.. input.TechStack];
        prospect.PainPoints = input.PainPoints is null ? null : [.. input.PainPoints];
        prospect.Owner = Clean(input.Owner);
        prospect.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProspectRow RowOf(Prospect p) =>
        new(p.Id, p.CompanyName, p.FortuneRank, p.Industry, p.Status, p.Owner, p.LeadScore, p.EstimatedArrUsd, p.CreatedAt, p.UpdatedAt);
}
