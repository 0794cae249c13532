using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// The legacy app stored its own `health_score` and `risk_level` per day. This recomputes each client's latest legacy row with
/// <see cref="HealthModel"/> from the same inputs (usage, tickets, NPS, engagement, and the stored milestone progress; the
/// legacy row has no contact recency) and reports the variance per client and in total. The business plan treats a
/// calculation variance above 5 % as a rollback trigger.
/// </summary>
public sealed class LegacyScoreVariance(IStoreRouter router, HealthWeights weights)
{
    public const decimal TriggerPercent = 5m;

    public async Task<IReadOnlyList<LegacyScoreRow>> PerClientAsync(ICurrentUser user, long? clientId = null, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        return Compute(await db.HealthMetrics.AsNoTracking().Where(h => h.HealthScore != null && (clientId == null || h.ClientId == clientId)).ToListAsync(ct), weights);
    }

    /// <summary>Σ|recomputed − legacy| / Σ legacy, in percent, over the clients that have both.</summary>
    public static decimal? TotalPercent(IReadOnlyList<LegacyScoreRow> rows)
    {
        var both = rows.Where(r => r.Recomputed is not null).ToList();
        var legacy = both.Sum(r => r.LegacyScore);
        return legacy == 0 ? null : decimal.Round(both.Sum(r => Math.Abs(r.Difference!.Value)) * 100m / legacy, 2, MidpointRounding.AwayFromZero);
    }

    public static IReadOnlyList<LegacyScoreRow> Compute(IEnumerable<HealthMetric> metrics, HealthWeights weights) =>
    [
        .. metrics.GroupBy(h => h.ClientId).OrderBy(g => g.Key).Select(g =>
        {
            var row = g.MaxBy(h => h.MetricDate)!;
            var result = HealthModel.Compute(new HealthSignals(row.ProductUsage, row.SupportTickets, row.Nps, row.Engagement, row.MilestoneProgress, null), weights);
            return new LegacyScoreRow(row.ClientId, row.MetricDate, row.HealthScore!.Value, row.RiskLevel, result.Score, result.Band);
        }),
    ];
}
