using Epic16.Domain.Common;
using Epic16.Domain.Onboarding.Plans;

namespace Epic16.Domain.Executive;

/// <summary>
/// Time to go-live and go-live slip, from the clients' milestone plans. A live client went live when its plan's "Go-live"
/// milestone was completed, or, when the plan has none done, when its last completed milestone was. Slip is what the client
/// page shows: the plan projected by <see cref="MilestonePlanner"/> against the go-live target (positive: late).
/// </summary>
internal static class GoLiveMath
{
    public const int MaxSlipClients = 50;

    public static bool IsLive(string status) => status == "live";

    public static bool IsOpen(string status) => status is not "live" and not "churned";

    /// <summary>The day a live client went live by its plan; null when no milestone is completed.</summary>
    public static DateOnly? WentLiveOn(IReadOnlyList<PlanMilestone> plan)
    {
        DateOnly? goLive = null, lastDone = null;
        foreach (var m in plan)
        {
            if (m.Done && m.Completed is { } completed)
            {
                lastDone = Later(lastDone, completed);
                goLive = IsGoLiveMilestone(m.Name) ? Later(goLive, completed) : goLive;
            }
        }

        return goLive ?? lastDone;
    }

    /// <summary>Days from start to go-live of each live client with a start date and a go-live day on or after it.</summary>
    public static IReadOnlyList<int> DaysToGoLive(IEnumerable<ClientFact> clients) =>
        [.. clients.Where(c => IsLive(c.Status) && c.Start is not null)
            .Select(c => (Start: c.Start!.Value, Live: WentLiveOn(c.Plan)))
            .Where(c => c.Live is { } live && live >= c.Start)
            .Select(c => c.Live!.Value.DayNumber - c.Start.DayNumber)];

    public static decimal? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : Rounding.HalfAwayFromZero((sorted[mid - 1] + sorted[mid]) / 2m, 1);
    }

    /// <summary>The open clients with a target and a plan that slip most (at most <see cref="MaxSlipClients"/> bars), and how many could be projected.</summary>
    public static ExecutiveSeries Slip(IEnumerable<ClientFact> clients, DateOnly today)
    {
        var projected = clients
            .Where(c => IsOpen(c.Status) && c.Target is not null && c.Plan.Count > 0)
            .Select(c => (c.Id, c.Company, Slip: MilestonePlanner.ProjectedGoLive(c.Plan, today)!.Value.DayNumber - c.Target!.Value.DayNumber))
            .ToList();
        var worst = projected.OrderByDescending(c => c.Slip).ThenBy(c => c.Company, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id)
            .Take(MaxSlipClients).ToList();
        var note = projected.Count > worst.Count
            ? $"The {worst.Count} clients slipping most of {projected.Count} open clients with a go-live target and a plan; days after the target (negative: early)."
            : $"All {projected.Count} open clients with a go-live target and a plan; days after the target (negative: early).";
        return new ExecutiveSeries("slip", "Go-live slip per client", [.. worst.Select(c => c.Company)],
            [new("Slip (days)", [.. worst.Select(c => (decimal)c.Slip)])], note) { ZeroIsData = true };
    }

    // "Go-live", "Go live", "golive": letters only, case ignored.
    private static bool IsGoLiveMilestone(string name)
    {
        const string GoLive = "GOLIVE";
        var matched = 0;
        foreach (var c in name)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (matched == GoLive.Length || char.ToUpperInvariant(c) != GoLive[matched])
            {
                return false;
            }

            matched++;
        }

        return matched == GoLive.Length;
    }

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
