using System.Globalization;
using Epic16.Domain.Crm;
using Epic16.Domain.Common;

namespace Epic16.Domain.Executive;

/// <summary>The KPI cards, each with what it is measured against and its definition.</summary>
internal static class ExecutiveCards
{
    public static IReadOnlyList<KpiCard> Of(
        PipelineMath p, Epic7Pipeline epic7, decimal influenced, decimal cost, HealthFigures health, IReadOnlyList<int> daysToGoLive) =>
        [.. Pipeline(p), .. Others(epic7, influenced, cost, health, daysToGoLive)];

    /// <summary>The cards the pipeline alone decides (the first seven; an executive's home shows them).</summary>
    public static IReadOnlyList<KpiCard> Pipeline(PipelineMath p)
    {
        var usd = ExecutiveFiguresService.Usd;
        return
        [
            new("open", "Open pipeline", usd(p.OpenUsd), $"{p.OpenCount} open prospects",
                "Estimated ARR of the prospects in any stage but converted and lost."),
            new("weighted", "Weighted pipeline", usd(p.WeightedUsd), null,
                "Each stage's estimated ARR times its close probability (identified 5%, researching 10%, engaged 20%, qualified 40%, proposal 60%, negotiation 80%)."),
            new("arr", "ARR potential", usd(p.ArrPotentialUsd), $"target {usd(p.TargetUsd)} ({Percent(p.ArrPotentialUsd, p.TargetUsd)})",
                "Estimated ARR of the open and converted prospects, against the $5M ARR target."),
            new("coverage", "Pipeline coverage", p.Coverage is { } c ? $"{c:0.00}×" : "n/a",
                p.RequiredCoverage is { } r ? $"needed {r:0.00}× (1 ÷ win rate)" : "needed: no win rate yet",
                "Open pipeline ÷ what remains of the target after converted ARR, against 1 ÷ win rate."),
            new("winrate", "Win rate", p.WinRate is { } w ? $"{w * 100:0.0}%" : "n/a", $"{p.Won} won, {p.Lost} lost",
                "Converted prospects ÷ (converted + lost)."),
            new("cycle", "Average sales cycle", p.CycleDays is { } d ? $"{d:0.0} days" : "n/a", null,
                "Days from a converted prospect's creation to its last update, averaged."),
            new("velocity", "Sales velocity", p.VelocityUsdPerDay is { } v ? $"{usd(v)}/day" : "n/a", null,
                "Open prospects × average converted deal × win rate ÷ average cycle days."),
        ];
    }

    private static IReadOnlyList<KpiCard> Others(Epic7Pipeline epic7, decimal influenced, decimal cost, HealthFigures health, IReadOnlyList<int> daysToGoLive)
    {
        var usd = ExecutiveFiguresService.Usd;
        var median = GoLiveMath.Median(daysToGoLive);
        return
        [
            new("epic7", "Epic 7 pipeline", usd(epic7.OpenTotalUsd), $"baseline {usd(ExecutiveFiguresService.Epic7BaselineUsd)}, untouched {usd(epic7.UntouchedUsd)}",
                "Open deals in the Epic 7 CRM; the part Epic 16 did not create must stay at its $1.158M baseline."),
            new("abm", "ABM influenced pipeline", usd(influenced), $"campaign cost {usd(cost)}",
                "Sum over campaigns of the pipeline of target accounts with an engaged touch in the campaign window, against their recorded spend (or budget)."),
            new("health", "Average client health", health.Average is { } avg ? avg.ToString("0.0", CultureInfo.InvariantCulture) : "n/a",
                health.Scored == 0 ? "no scored clients" : $"{Percent(health.AtRisk, health.Scored)} at risk or critical",
                "Mean health score of the scored onboarding clients on the last snapshot day in the range; share of them in the at-risk or critical band."),
            new("golive", "Median time to go-live", median is { } m ? $"{m.ToString("0.#", CultureInfo.InvariantCulture)} days" : "n/a",
                $"{daysToGoLive.Count} live {(daysToGoLive.Count == 1 ? "client" : "clients")}",
                "Median days from a live client's start date to its go-live: the completion of its plan's \"Go-live\" milestone, or of its last completed milestone when it has none. Clients who started in the range; the owner and industry filters apply to prospects only."),
        ];
    }

    private static string Percent(decimal part, decimal whole) =>
        whole == 0 ? "n/a" : (Rounding.HalfAwayFromZero(100m * part / whole, 1)).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
