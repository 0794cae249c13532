using System.Globalization;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// The seed plan's five rollback triggers, as rules over what was measured: rows missing in the store that is
/// (about to become) primary; a business figure varying by more than the limit between the stores; the Epic 7
/// pipeline changed by anything but recorded conversions; p95 latency (or error rate) above the limit; the app
/// unable to write for longer than the limit. In `SqliteOnly` nothing has moved yet, so nothing trips: the figures
/// are still shown.
/// </summary>
public static class RollbackTriggerRules
{
    public const string MissingRows = "missing-rows";
    public const string FigureVariance = "figure-variance";
    public const string Epic7Pipeline = "epic7-pipeline";
    public const string Latency = "latency";
    public const string WriteOutage = "write-outage";

    public static TriggerReport Evaluate(TriggerInputs inputs, RollbackLimits limits)
    {
        TriggerStatus[] triggers =
        [
            Missing(inputs),
            Variance(inputs, limits),
            Pipeline(inputs),
            Latencies(inputs, limits),
            Outage(inputs, limits),
        ];
        return new TriggerReport(inputs.Now, inputs.Mode == StoreMode.SqliteOnly ? [.. triggers.Select(t => t with { Tripped = false })] : triggers);
    }

    private static TriggerStatus Missing(TriggerInputs inputs) => new(
        MissingRows,
        "Rows missing in the PostgreSQL store",
        inputs.MissingRows > 0,
        inputs.MissingRows is { } rows ? $"{rows:N0} missing ({inputs.MissingSource})" : "not measured yet",
        "0 rows");

    private static TriggerStatus Variance(TriggerInputs inputs, RollbackLimits limits) => new(
        FigureVariance,
        "Business figure variance",
        inputs.WorstFigure?.VariancePercent > limits.MaxFigureVariancePercent,
        inputs.WorstFigure is { } figure ? $"{figure.Name}: {figure.VariancePercent.ToString("0.##", CultureInfo.InvariantCulture)} %" : "not measured yet",
        $"≤ {limits.MaxFigureVariancePercent.ToString("0.##", CultureInfo.InvariantCulture)} %");

    private static TriggerStatus Pipeline(TriggerInputs inputs)
    {
        var changed = inputs.UntouchedPipelineUsd is { } now && inputs.PipelineBaselineUsd is { } baseline ? now - baseline : (decimal?)null;
        return new TriggerStatus(
            Epic7Pipeline,
            "Epic 7 pipeline changed outside conversions",
            changed is not null and not 0m,
            changed is null
                ? "no baseline recorded yet"
                : $"{inputs.UntouchedPipelineUsd!.Value.ToString("C2", CultureInfo.GetCultureInfo("en-US"))} (baseline {inputs.PipelineBaselineUsd!.Value.ToString("C2", CultureInfo.GetCultureInfo("en-US"))})",
            "unchanged");
    }

    private static TriggerStatus Latencies(TriggerInputs inputs, RollbackLimits limits)
    {
        var measured = inputs.Latencies.Where(l => l.Commands > 0).ToList();
        var worst = measured.OrderByDescending(l => l.P95).FirstOrDefault();
        var tripped = measured.Any(l => l.P95 > limits.MaxP95 || l.ErrorRate > limits.MaxErrorRate);
        var figure = worst is null
            ? "no traffic in the last 5 minutes"
            : string.Join(", ", measured.Select(l => $"{l.Store.DisplayName()} p95 {l.P95.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)} ms, {(l.ErrorRate * 100).ToString("0.##", CultureInfo.InvariantCulture)} % errors"));
        return new TriggerStatus(
            Latency,
            "p95 latency or error rate (5 min)",
            tripped,
            figure,
            $"p95 ≤ {limits.MaxP95.TotalMilliseconds:0} ms, errors ≤ {(limits.MaxErrorRate * 100).ToString("0.##", CultureInfo.InvariantCulture)} %");
    }

    private static TriggerStatus Outage(TriggerInputs inputs, RollbackLimits limits)
    {
        var longest = inputs.Writes.Select(w => (w.Store, Outage: w.OutageAt(inputs.Now))).OrderByDescending(w => w.Outage).FirstOrDefault();
        return new TriggerStatus(
            WriteOutage,
            "Unable to write",
            longest.Outage > limits.MaxWriteOutage,
            longest.Outage > TimeSpan.Zero ? $"{longest.Store.DisplayName()} failing for {longest.Outage.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min" : "writes succeeding",
            $"≤ {limits.MaxWriteOutage.TotalMinutes:0} min");
    }
}
