using System.Globalization;
using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;

namespace Epic16.Domain.Executive;

/// <summary>
/// The pipeline figures of a set of prospects. Open: any stage but converted and lost. Weighted: each stage's total times
/// its <see cref="StageProbability"/>, in cents. Win rate: converted ÷ (converted + lost). Sales cycle: days from creation
/// to the last update of the converted prospects. Velocity: open prospects × average converted deal × win rate ÷ cycle days.
/// </summary>
internal sealed record PipelineMath(
    IReadOnlyList<ProspectFact> Rows, decimal OpenUsd, decimal WeightedUsd, decimal ConvertedUsd, int OpenCount, int Won, int Lost,
    decimal? WinRate, decimal? CycleDays, decimal? AverageDealUsd, decimal TargetUsd)
{
    public decimal ArrPotentialUsd => OpenUsd + ConvertedUsd;

    public decimal RemainingTargetUsd => Math.Max(TargetUsd - ConvertedUsd, 0);

    public decimal? Coverage => RemainingTargetUsd == 0 ? null : Rounding.HalfAwayFromZero(OpenUsd / RemainingTargetUsd, 2);

    public decimal? RequiredCoverage => WinRate is > 0 and var w ? Rounding.HalfAwayFromZero(1m / w, 2) : null;

    public decimal? VelocityUsdPerDay => WinRate is { } w && CycleDays is > 0 and var d && AverageDealUsd is { } deal
        ? Money.Cents(OpenCount * deal * w / d)
        : null;

    public static PipelineMath Of(IReadOnlyList<ProspectFact> rows, decimal targetUsd)
    {
        var open = rows.Where(r => StageProbability.IsOpen(r.Status)).ToList();
        var converted = rows.Where(r => r.Status == ProspectStatus.Converted).ToList();
        var lost = rows.Count(r => r.Status == ProspectStatus.Lost);
        var weighted = open.GroupBy(r => r.Status).Sum(g => Money.Cents(g.Sum(r => r.ArrUsd) * StageProbability.Of(g.Key)));
        decimal? winRate = converted.Count + lost == 0 ? null : Rounding.HalfAwayFromZero((decimal)converted.Count / (converted.Count + lost), 4);
        decimal? cycle = converted.Count == 0 ? null
            : Rounding.HalfAwayFromZero((decimal)converted.Average(r => ((r.UpdatedAt ?? r.CreatedAt) - r.CreatedAt).TotalDays), 1);
        decimal? deal = converted.Count == 0 ? null : Money.Cents(converted.Average(r => r.ArrUsd));
        return new PipelineMath(rows, open.Sum(r => r.ArrUsd), weighted, converted.Sum(r => r.ArrUsd), open.Count, converted.Count, lost,
            winRate, cycle, deal, targetUsd);
    }

    /// <summary>Prospects per stage in pipeline order (lost left out), and the share of each stage that reached the next one or beyond.</summary>
    public ExecutiveSeries Funnel()
    {
        var stages = ProspectStatus.All.Where(s => s != ProspectStatus.Lost).ToList();
        var counts = stages.Select(s => Rows.Count(r => r.Status == s)).ToList();
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
        var months = Rows.Where(r => StageProbability.IsOpen(r.Status))
            .GroupBy(r => r.CreatedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var values = new List<decimal>();
        decimal soFar = 0;
        foreach (var month in months)
        {
            soFar += month.GroupBy(r => r.Status).Sum(g => Money.Cents(g.Sum(r => r.ArrUsd) * StageProbability.Of(g.Key)));
            values.Add(soFar);
        }

        return new ExecutiveSeries("weighted", "Weighted pipeline over time", [.. months.Select(m => m.Key)], [new("Weighted pipeline (USD)", values)]);
    }
}
