using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Acquisition.Scoring;

/// <summary>
/// Scores prospects with <see cref="LeadScoringModel"/> and keeps the history: every rescore appends a
/// <see cref="LeadScore"/> snapshot and moves <see cref="Prospect.LeadScore"/>, in one SaveChanges so the
/// dual-write mirror replays both together.
/// </summary>
public sealed class LeadScoringService(IStoreRouter router, TimeProvider clock)
{
    /// <summary>Prospects per context in "rescore all": bounds the change tracker and each SaveChanges.</summary>
    public const int BatchSize = 200;

    public async Task<ScoreResult> RescoreAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await router.CreateContextAsync(ct);
        var prospect = await db.Prospects.SingleOrDefaultAsync(p => p.Id == prospectId, ct)
            ?? throw new KeyNotFoundException($"Prospect {prospectId} does not exist.");
        var results = await ScoreBatchAsync(db, [prospect], now, ct);
        await db.SaveChangesAsync(ct);
        return results[0];
    }

    /// <summary>Rescores the whole pipeline as of one instant; reports the running count; returns how many were scored.</summary>
    public async Task<int> RescoreAllAsync(ICurrentUser user, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);

        // One "now" for the run, so every prospect's engagement decays to the same instant and scores compare fairly.
        var now = clock.GetUtcNow().UtcDateTime;
        var scored = 0;
        var lastId = 0L;
        while (true)
        {
            await using var db = await router.CreateContextAsync(ct);
            var batch = await db.Prospects.Where(p => p.Id > lastId).OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return scored;
            }

            await ScoreBatchAsync(db, batch, now, ct);
            await db.SaveChangesAsync(ct);
            scored += batch.Count;
            lastId = batch[^1].Id;
            progress?.Report(scored);
        }
    }

    /// <summary>The prospect's snapshots, oldest first.</summary>
    public async Task<IReadOnlyList<LeadScoreSnapshot>> HistoryAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var rows = await db.LeadScores.AsNoTracking().Where(s => s.ProspectId == prospectId).ToListAsync(ct);

        // Sorted here rather than in SQL: the legacy store keeps timestamps as text, and a prospect has only a few snapshots.
        return
        [
            .. rows.OrderBy(s => s.ScoredAt).ThenBy(s => s.Id).Select(s => new LeadScoreSnapshot(
                s.Id, s.ScoredAt, s.Score, s.FitScore, s.IntentScore, s.EngagementScore,
                s.Factors ?? new Dictionary<string, decimal>(), s.ModelVersion)),
        ];
    }

    private static async Task<List<ScoreResult>> ScoreBatchAsync(Epic16Context db, List<Prospect> prospects, DateTime now, CancellationToken ct)
    {
        var ids = prospects.Select(p => p.Id).ToList();
        var steps = (await db.SequenceSteps.AsNoTracking().Where(s => ids.Contains(s.ProspectId)).ToListAsync(ct)).ToLookup(s => s.ProspectId);
        var touchpoints = (await db.Touchpoints.AsNoTracking().Where(t => ids.Contains(t.ProspectId)).ToListAsync(ct)).ToLookup(t => t.ProspectId);

        var results = new List<ScoreResult>(prospects.Count);
        foreach (var prospect in prospects)
        {
            var result = LeadScoringModel.Score(ScoringInputs.From(prospect, steps[prospect.Id], touchpoints[prospect.Id], now));
            db.LeadScores.Add(new LeadScore
            {
                ProspectId = prospect.Id,
                Score = result.Score,
                FitScore = result.Fit,
                IntentScore = result.Intent,
                EngagementScore = result.Engagement,
                Factors = new Dictionary<string, decimal>(result.Factors),
                ModelVersion = result.ModelVersion,
                ScoredAt = now,
            });
            prospect.LeadScore = result.Score;
            prospect.UpdatedAt = now;
            results.Add(result);
        }

        return results;
    }
}
