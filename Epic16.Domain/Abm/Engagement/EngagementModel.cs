using Epic16.Domain.Abm.Touchpoints;

namespace Epic16.Domain.Abm.Engagement;

/// <summary>
/// An account's engagement score: each touch that reached the account adds its kind's weight (sent 1, opened 3, clicked 8,
/// replied 20, meeting 50; scheduled, failed and cancelled add nothing), halved for every <see cref="HalfLifeDays"/> days
/// of age (weight × 0.5^(age in days / 30)), summed and capped at 100. A touch dated in the future adds its full weight.
/// </summary>
public static class EngagementModel
{
    public const double HalfLifeDays = 30;
    public const decimal Cap = 100m;

    public static decimal WeightOf(string status) => status switch
    {
        TouchpointStatuses.Sent => 1m,
        TouchpointStatuses.Opened => 3m,
        TouchpointStatuses.Clicked => 8m,
        TouchpointStatuses.Replied => 20m,
        TouchpointStatuses.Meeting => 50m,
        _ => 0m,
    };

    public static decimal Decay(DateTime at, DateTime now)
    {
        var age = Math.Max(0, (now - at).TotalDays);
        return (decimal)Math.Pow(0.5, age / HalfLifeDays);
    }

    /// <summary>The touch's share of the score before the cap.</summary>
    public static decimal PointsOf(TouchFact touch, DateTime now) =>
        touch.At is { } at ? WeightOf(touch.Status) * Decay(at, now) : 0m;

    public static decimal Score(IEnumerable<TouchFact> touches, DateTime now) =>
        decimal.Round(Math.Min(Cap, touches.Sum(t => PointsOf(t, now))), 2, MidpointRounding.AwayFromZero);
}
