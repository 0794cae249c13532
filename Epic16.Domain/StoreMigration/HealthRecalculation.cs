using Epic16.Domain.Onboarding.Health;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// `validate`'s calculation check on the onboarding scores: each client's latest legacy `health_score` against the score
/// <see cref="HealthModel"/> computes from the same inputs (<see cref="LegacyScoreVariance"/>). The business plan treats a
/// variance above 5 % as a rollback trigger; it is reported beside the parity, not as a parity mismatch, because the two
/// formulas are expected to differ (the legacy weights were not kept).
/// </summary>
public sealed record HealthRecalculation(int Clients, decimal? VariancePercent, int BandsAgreeing)
{
    public decimal TriggerPercent => LegacyScoreVariance.TriggerPercent;

    public bool Tripped => VariancePercent > TriggerPercent;

    public static HealthRecalculation Of(IReadOnlyList<LegacyScoreRow> rows) =>
        new(rows.Count, LegacyScoreVariance.TotalPercent(rows), rows.Count(r => r.BandAgrees));
}
