using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Acquisition;

/// <summary>
/// The kanban's data: per stage the count, total and probability-weighted value aggregated in the database, and the top
/// cards by lead score (highest first, unscored last, id to break ties), read through the (status, lead_score) index.
/// Works the same on either store.
/// </summary>
public sealed class PipelineBoard(IStoreRouter router)
{
    public const int DefaultCardsPerStage = 20;

    /// <summary>Every stage in pipeline order, for the filters of <paramref name="filter"/> (its stage, sort and page are ignored).</summary>
    public async Task<IReadOnlyList<PipelineColumn>> LoadAsync(ICurrentUser user, ProspectQuery filter, int cardsPerStage = DefaultCardsPerStage, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        cardsPerStage = Math.Clamp(cardsPerStage, 0, ProspectQuery.MaxPageSize);
        await using var db = await router.CreateContextAsync(ct);
        var filtered = ProspectFilter.Apply(db.Prospects.AsNoTracking(), filter, withStage: false);

        // SUM of a decimal: numeric on PostgreSQL; on SQLite EF's own decimal aggregate over the REAL column, rounded to cents.
        var sums = await filtered
            .GroupBy(p => p.Status)
            .Select(g => new { Stage = g.Key, Count = g.Count(), Total = g.Sum(p => p.EstimatedArrUsd) })
            .ToListAsync(ct);

        var columns = new List<PipelineColumn>(ProspectStatus.All.Count);
        foreach (var stage in ProspectStatus.All)
        {
            var sum = sums.FirstOrDefault(s => s.Stage == stage);
            var count = sum?.Count ?? 0;
            var total = Cents(sum?.Total ?? 0);
            var probability = StageProbability.Of(stage);
            var cards = count == 0 || cardsPerStage == 0 ? [] : await TopCardsAsync(filtered.Where(p => p.Status == stage), cardsPerStage, ct);
            columns.Add(new PipelineColumn(stage, count, total, Cents(total * probability), probability, cards));
        }

        return columns;
    }

    /// <summary>The owners and industries present, for the filter lists (read once when the page opens).</summary>
    public async Task<(IReadOnlyList<string> Owners, IReadOnlyList<string> Industries)> FilterChoicesAsync(ICurrentUser user, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var owners = await db.Prospects.AsNoTracking().Where(p => p.Owner != null).Select(p => p.Owner!).Distinct().ToListAsync(ct);
        var industries = await db.Prospects.AsNoTracking().Where(p => p.Industry != null).Select(p => p.Industry!).Distinct().ToListAsync(ct);
        return ([.. owners.Order(StringComparer.OrdinalIgnoreCase)], [.. industries.Order(StringComparer.OrdinalIgnoreCase)]);
    }

    private static async Task<IReadOnlyList<ProspectRow>> TopCardsAsync(IQueryable<Prospect> stage, int take, CancellationToken ct)
    {
        var cards = await stage.Where(p => p.LeadScore != null)
            .OrderByDescending(p => p.LeadScore).ThenBy(p => p.Id)
            .Take(take).Select(ProspectFilter.Row).ToListAsync(ct);
        if (cards.Count < take)
        {
            cards.AddRange(await stage.Where(p => p.LeadScore == null).OrderBy(p => p.Id).Take(take - cards.Count).Select(ProspectFilter.Row).ToListAsync(ct));
        }

        return cards;
    }

    private static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
