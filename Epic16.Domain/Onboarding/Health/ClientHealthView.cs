namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// The client page's health: the score as of now (computed from the current data), its change against the snapshot 30 days
/// earlier, the daily history (oldest first) and what moved each component since then.
/// </summary>
public sealed record ClientHealthView(HealthResult Now, decimal? ThirtyDaysEarlier, IReadOnlyList<HealthPoint> History)
{
    public decimal? Trend => Now.Score - ThirtyDaysEarlier;
}
