using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;

namespace Epic16.Domain.Executive;

/// <summary>
/// The pipeline figures of a set of prospects, from their counts and sums per stage and creation month (<see cref="PipelineQuery"/>).
/// Open: any stage but converted and lost. Weighted: each stage's total times its <see cref="StageProbability"/>, in cents. Win
/// rate: converted ÷ (converted + lost). Sales cycle: days from creation to the last update of the converted prospects. Velocity:
/// open prospects × average converted deal × win rate ÷ cycle days.
/// </summary>
internal sealed record PipelineMath(
    IReadOnlyList<StageMonth> Groups, decimal OpenUsd, decimal WeightedUsd, decimal ConvertedUsd, int OpenCount, int Won, int Lost,
    decimal? WinRate, decimal? CycleDays, decimal? AverageDealUsd, decimal TargetUsd)
{
    public decimal ArrPotentialUsd => OpenUsd + ConvertedUsd;

    public decimal RemainingTargetUsd => Math.Max(TargetUsd - ConvertedUsd, 0);

    public decimal? Coverage => RemainingTargetUsd == 0 ? null : Rounding.HalfAwayFromZero(OpenUsd / RemainingTargetUsd, 2);

    public decimal? RequiredCoverage => WinRate is > 0 and var w ? Rounding.HalfAwayFromZero(1m / w, 2) : null;

    public decimal? VelocityUsdPerDay => WinRate is { } w && CycleDays is > 0 and var d && AverageDealUsd is { } deal
        ? Money.Cents(OpenCount * deal * w / d)
        : null;

    /// <param name="groups">Counts and ARR per stage and creation month.</param>
    /// <param name="cycleDays">Days from creation to last update of each converted prospect.</param>
    /// <param name="targetUsd">The ARR target.</param>
    public static PipelineMath Of(IReadOnlyList<StageMonth> groups, IReadOnlyList<double> cycleDays, decimal targetUsd)
    {
        var open = groups.Where(g => StageProbability.IsOpen(g.Status)).ToList();
        var converted = groups.Where(g => g.Status == ProspectStatus.Converted).ToList();
        var won = converted.Sum(g => g.Count);
        var lost = groups.Where(g => g.Status == ProspectStatus.Lost).Sum(g => g.Count);
        var convertedUsd = converted.Sum(g => g.ArrUsd);
        decimal? winRate = won + lost == 0 ? null : Rounding.HalfAwayFromZero((decimal)won / (won + lost), 4);
        decimal? cycle = cycleDays.Count == 0 ? null : Rounding.HalfAwayFromZero((decimal)cycleDays.Average(), 1);
        decimal? deal = won == 0 ? null : Money.Cents(convertedUsd / won);
        return new PipelineMath(groups, open.Sum(g => g.ArrUsd), Weighted(open), convertedUsd, open.Sum(g => g.Count), won, lost,
            winRate, cycle, deal, targetUsd);
    }

    /// <summary>Prospects per stage in pipeline order (lost left out), and the share of each stage that reached the next one or beyond.</summary>
    public ExecutiveSeries Funnel()
    {
        var stages = ProspectStatus.All.Where(s => s != ProspectStatus.Lost).ToList();
        var counts = stages.Select(s => Groups.Where(g => g.Status == s).Sum(g => g.Count)).ToList();
        var conversion = new List<decimal>();
        for (var i = 0; i < stages.Count; i++)
        {
            var reached = counts.Skip(i).Sum();
            var beyond = counts.Skip(i + 1).Sum();
            conversion.Add(reached == 0 || i == stages.Count - 1 ? 0 : Rounding.HalfAwayFromZero(100m * beyond / reached, 1));
        }

        return new ExecutiveSeries("funnel", "Pipeline by stage", stages,
            [new("Prospects", [.. counts.Select(c => (decimal)c)]), new("Reached a later stage (%)", conversion)]);
    }

    /// <summary>The weighted open pipeline of the prospects created up to each month (cumulative by creation month).</summary>
    public ExecutiveSeries WeightedOverTime()
    {
        var months = Groups.Where(g => StageProbability.IsOpen(g.Status))
            .GroupBy(g => g.Month)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var values = new List<decimal>();
        decimal soFar = 0;
        foreach (var month in months)
        {
            soFar += Weighted(month);
            values.Add(soFar);
        }

        return new ExecutiveSeries("weighted", "Weighted pipeline over time", [.. months.Select(m => m.Key)], [new("Weighted pipeline (USD)", values)]);
    }

    // Each stage's total (all its groups) times its probability, in cents, summed over the stages.
    private static decimal Weighted(IEnumerable<StageMonth> open) =>
        open.GroupBy(g => g.Status).Sum(stage => Money.Cents(stage.Sum(g => g.ArrUsd) * StageProbability.Of(stage.Key)));
}
