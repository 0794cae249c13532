namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// A client's computed health on one day, with the breakdown it was computed from (so a page can say why it moved).
/// PostgreSQL `onboarding_health_snapshots` in every store mode: the legacy stores have no table for it.
/// </summary>
public class HealthSnapshot
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public DateOnly Day { get; set; }
    public decimal? Score { get; set; }
    public string? Band { get; set; }
    public decimal CoveragePercent { get; set; }

    /// <summary>JSON array of <see cref="HealthComponentScore"/> (component, score, weight, effective weight).</summary>
    public string Breakdown { get; set; } = "[]";

    public DateTime RecordedAt { get; set; }
}
