namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// The explainable health score: each component scored 0–100, weighted, components without data left out and the rest
/// re-weighted to 100 %. Pure, so both stores and every caller compute the same figure.
/// </summary>
public static class HealthModel
{
    /// <summary>Contact within this many days counts fully; from <see cref="ContactLostDays"/> on it counts nothing.</summary>
    public const int ContactFreshDays = 7;
    public const int ContactLostDays = 30;

    public static HealthResult Compute(HealthSignals signals, HealthWeights weights)
    {
        var scores = new Dictionary<string, decimal?>
        {
            [HealthComponents.ProductUsage] = signals.ProductUsage,
            [HealthComponents.MilestoneProgress] = signals.MilestonesOnTime,
            [HealthComponents.SupportTickets] = TicketScore(signals.SupportTickets),
            [HealthComponents.Nps] = NpsScore(signals.Nps),
            [HealthComponents.Engagement] = Mean(signals.Engagement, RecencyScore(signals.DaysSinceTwoWayContact)),
        };
        var covered = HealthComponents.All.Where(c => scores[c] is not null).Sum(weights.Of);
        var components = HealthComponents.All.Select(c => new HealthComponentScore(
            c, Round(scores[c]), weights.Of(c), scores[c] is null || covered == 0 ? 0m : Round(100m * weights.Of(c) / covered)!.Value)).ToList();
        if (covered == 0)
        {
            return new HealthResult(null, null, 0m, components);
        }

        var score = Round(HealthComponents.All.Where(c => scores[c] is not null).Sum(c => scores[c]!.Value * weights.Of(c)) / covered)!.Value;
        return new HealthResult(score, HealthBands.Of(score), covered, components);
    }

    /// <summary>No open ticket scores 100; each open ticket costs 10 points.</summary>
    public static decimal? TicketScore(int? openTickets) => openTickets is { } t ? Math.Max(0m, 100m - 10m * t) : null;

    /// <summary>NPS −100..100 mapped onto 0..100.</summary>
    public static decimal? NpsScore(int? nps) => nps is { } n ? (n + 100m) / 2m : null;

    /// <summary>100 up to 7 days since the last two-way contact, falling evenly to 0 at 30 days.</summary>
    public static decimal? RecencyScore(int? days) => days switch
    {
        null => null,
        <= ContactFreshDays => 100m,
        >= ContactLostDays => 0m,
        _ => 100m * (ContactLostDays - days.Value) / (ContactLostDays - ContactFreshDays),
    };

    /// <summary>
    /// Milestones on time at <paramref name="day"/>: of those due by then, done on time counts 1, done late ½, not done 0.
    /// None due yet is on time (100); a plan without milestones has no data (null).
    /// </summary>
    public static decimal? MilestonesOnTime(IEnumerable<(DateOnly? Due, DateOnly? Completed)> milestones, DateOnly day)
    {
        var all = milestones.ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var due = all.Where(m => m.Due is { } d && d <= day).ToList();
        if (due.Count == 0)
        {
            return 100m;
        }

        var points = due.Sum(m => m.Completed is { } c && c <= day ? (c <= m.Due!.Value ? 1m : 0.5m) : 0m);
        return Round(100m * points / due.Count);
    }

    private static decimal? Mean(decimal? a, decimal? b) => (a, b) switch
    {
        ({ } x, { } y) => (x + y) / 2m,
        ({ } x, null) => x,
        (null, { } y) => y,
        _ => null,
    };

    private static decimal? Round(decimal? value) => value is { } v ? decimal.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}
