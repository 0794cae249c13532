using System.Linq.Expressions;
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

        var sums = await StageSumsAsync(db, filtered, filter, ct);

        // On SQLite the groups are the legacy spellings ('identified', 'IDENTIFIED', ' engaged'…), each read back as its
        // stage: a stage is the sum of all its groups.
        var counts = ProspectStatus.All.ToDictionary(stage => stage, stage => sums.Where(s => s.Stage == stage).Sum(s => s.Count));
        var cards = cardsPerStage == 0 ? [] : await TopCardsAsync(filtered, counts, cardsPerStage, ct);

        var columns = new List<PipelineColumn>(ProspectStatus.All.Count);
        foreach (var stage in ProspectStatus.All)
        {
            var total = Money.Cents(sums.Where(s => s.Stage == stage).Sum(s => s.Total));
            var probability = StageProbability.Of(stage);
            columns.Add(new PipelineColumn(stage, counts[stage], total, Money.Cents(total * probability), probability, cards.GetValueOrDefault(stage, [])));
        }

        return columns;
    }

    // Unfiltered on PostgreSQL, the totals its triggers keep per stage (migration ProspectStageTotals): eight rows instead
    // of adding up every prospect. Otherwise one GROUP BY; SUM of a decimal is numeric on PostgreSQL, and on SQLite EF's own
    // decimal aggregate over the REAL column, rounded to cents.
    private static async Task<List<StageSum>> StageSumsAsync(Epic16Context db, IQueryable<Prospect> filtered, ProspectQuery filter, CancellationToken ct)
    {
        if (ProspectFilter.KeepsAll(filter) && SeesEveryRowOnPostgres(db))
        {
            return await db.Database
                .SqlQuery<StageSum>($"SELECT status AS \"Stage\", prospects::int AS \"Count\", arr_usd AS \"Total\" FROM pipeline_stage_totals")
                .ToListAsync(ct);
        }

        return await filtered
            .GroupBy(p => p.Status)
            .Select(g => new StageSum { Stage = g.Key, Count = g.Count(), Total = g.Sum(p => p.EstimatedArrUsd) ?? 0 })
            .ToListAsync(ct);
    }

    private sealed class StageSum
    {
        public required string Stage { get; init; }

        public int Count { get; init; }

        public decimal Total { get; init; }
    }

    /// <summary>The owners and industries present, for the filter lists (read once when the page opens).</summary>
    public async Task<(IReadOnlyList<string> Owners, IReadOnlyList<string> Industries)> FilterChoicesAsync(ICurrentUser user, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var owners = await DistinctAsync(db, "owner", p => p.Owner, ct);
        var industries = await DistinctAsync(db, "industry", p => p.Industry, ct);
        return ([.. owners.Order(StringComparer.OrdinalIgnoreCase)], [.. industries.Order(StringComparer.OrdinalIgnoreCase)]);
    }

    // On PostgreSQL a loose index scan: one probe of the column's index per distinct value (a dozen owners) instead of
    // reading all 100k rows. Elsewhere a DISTINCT. The column name is one of this class's constants, never input.
    private static async Task<List<string>> DistinctAsync(Epic16Context db, string column, Expression<Func<Prospect, string?>> value, CancellationToken ct)
    {
        if (SeesEveryRowOnPostgres(db))
        {
            var sql = $"""
                WITH RECURSIVE v(value) AS (
                    (SELECT {column} FROM f500_prospects WHERE {column} IS NOT NULL ORDER BY {column} LIMIT 1)
                    UNION ALL
                    SELECT (SELECT p.{column} FROM f500_prospects p WHERE p.{column} > v.value ORDER BY p.{column} LIMIT 1) FROM v WHERE v.value IS NOT NULL)
                SELECT value AS "Value" FROM v WHERE value IS NOT NULL
                """;
            return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);
        }

        return await db.Prospects.AsNoTracking().Select(value).Where(v => v != null).Select(v => v!).Distinct().ToListAsync(ct);
    }

    // PostgreSQL with no prospect quarantined: what the SQL reads is what the query filter would let through, so SQL that
    // bypasses the filter (the stage totals, the loose index scan) gives the same answer.
    private static bool SeesEveryRowOnPostgres(Epic16Context db) => db.Store == StoreKind.Postgres && db.Quarantined.For(typeof(Prospect)).Length == 0;

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
