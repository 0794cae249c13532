namespace Epic16.Domain.Onboarding.Health;

/// <summary>A client's latest legacy health row: the legacy app's score and risk level beside the score recomputed from the same inputs.</summary>
public sealed record LegacyScoreRow(long ClientId, DateOnly Day, decimal LegacyScore, string? LegacyRisk, decimal? Recomputed, string? RecomputedBand)
{
    public decimal? Difference => Recomputed - LegacyScore;

    /// <summary>|recomputed − legacy| as a percentage of the legacy score.</summary>
    public decimal? VariancePercent => Recomputed is { } r && LegacyScore != 0 ? decimal.Round(Math.Abs(r - LegacyScore) * 100m / LegacyScore, 2, MidpointRounding.AwayFromZero) : null;

    public bool BandAgrees => RecomputedBand == LegacyRisk;
}
