using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;

namespace Epic16.Domain.Acquisition.PipelineBoard;

/// <summary>
/// The kanban's data: per stage the count, total and probability-weighted value aggregated in the database, and the top
/// cards by lead score (highest first, unscored last, id to break ties), read through the (status, lead_score) index.
/// Works the same on either store.
/// </summary>
public sealed class PipelineBoardService(IStoreRouter router)
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

        // On SQLite the groups are the legacy spellings ('identified', 'IDENTIFIED', ' engaged'…), each read back as its
        // stage: a stage is the sum of all its groups.
        var counts = ProspectStatus.All.ToDictionary(stage => stage, stage => sums.Where(s => s.Stage == stage).Sum(s => s.Count));
        var cards = cardsPerStage == 0 ? [] : await TopCardsAsync(filtered, counts, cardsPerStage, ct);

        var columns = new List<PipelineColumn>(ProspectStatus.All.Count);
        foreach (var stage in ProspectStatus.All)
        {
            var total = Money.Cents(sums.Where(s => s.Stage == stage).Sum(s => s.Total ?? 0));
            var probability = StageProbability.Of(stage);
            columns.Add(new PipelineColumn(stage, counts[stage], total, Money.Cents(total * probability), probability, cards.GetValueOrDefault(stage, [])));
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

    // One UNION ALL of every stage's top scored cards, then one for the unscored cards of the stages still short: two round
    // trips instead of two per stage. The union's row order is not defined, so each stage is ordered again here.
    private static async Task<Dictionary<string, IReadOnlyList<ProspectRow>>> TopCardsAsync(
        IQueryable<Prospect> filtered, Dictionary<string, int> counts, int take, CancellationToken ct)
    {
        var stages = counts.Where(c => c.Value > 0).Select(c => c.Key).ToList();
        var scored = await UnionAsync(stages.Select(stage => filtered.Where(p => LegacyEnum.Word(p.Status) == stage && p.LeadScore != null)
            .OrderByDescending(p => p.LeadScore).ThenBy(p => p.Id).Take(take)), ct);
        var shortStages = stages.Where(stage => scored.Count(r => r.Status == stage) < Math.Min(take, counts[stage])).ToList();
        var unscored = await UnionAsync(shortStages.Select(stage => filtered.Where(p => LegacyEnum.Word(p.Status) == stage && p.LeadScore == null)
            .OrderBy(p => p.Id).Take(take - scored.Count(r => r.Status == stage))), ct);

        return stages.ToDictionary(stage => stage, stage => (IReadOnlyList<ProspectRow>)
        [
            .. scored.Where(r => r.Status == stage).OrderByDescending(r => r.LeadScore).ThenBy(r => r.Id),
            .. unscored.Where(r => r.Status == stage).OrderBy(r => r.Id),
        ]);
    }

    // The operands project to an anonymous type: EF can union those in SQL, not a record built by its constructor.
    private static async Task<List<ProspectRow>> UnionAsync(IEnumerable<IQueryable<Prospect>> parts, CancellationToken ct)
    {
        var operands = parts.Select(part => part.Select(p => new
        {
            p.Id, p.CompanyName, p.FortuneRank, p.Industry, p.Status, p.Owner, p.LeadScore, p.EstimatedArrUsd, p.CreatedAt, p.UpdatedAt,
        })).ToList();
        if (operands.Count == 0)
        {
            return [];
        }

        var rows = await operands.Aggregate((all, next) => all.Concat(next)).ToListAsync(ct);
        return [.. rows.Select(r => new ProspectRow(r.Id, r.CompanyName, r.FortuneRank, r.Industry, r.Status, r.Owner, r.LeadScore, r.EstimatedArrUsd, r.CreatedAt, r.UpdatedAt))];
    }
}
