namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// A client on the health board: latest score and band, change against 30 days earlier, coverage, the daily scores of the
/// last 90 days (oldest first, null where no score) and the open escalations.
/// </summary>
public sealed record HealthCard(
    long ClientId, string Company, string? CsmOwner, string Status, DateOnly? Day, decimal? Score, string? Band, decimal? Trend,
    decimal CoveragePercent, IReadOnlyList<decimal?> Sparkline, int OpenEscalations);
