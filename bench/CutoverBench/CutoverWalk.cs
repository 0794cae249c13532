using System.Collections.Concurrent;
using System.Diagnostics;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Bench.Cutover;

/// <summary>
/// One switch: the pause CutoverResult measured, its steps (from the controller's progress reports: catch-up before the
/// pause; inside it, pausing other instances and draining, the final reconcile, persisting the mode, aligning the id
/// counters and resuming), the final pass, the longest write the writers saw while it ran, and the gates' figures.
/// </summary>
internal sealed record SwitchTiming(int Walk, string Kind, string From, string To, double PauseMs, double CatchUpMs, double DrainMs, double FinalReconcileMs,
    double PersistModeMs, double AlignAndResumeMs, string FinalPass, long FinalChangedKeys, long FinalDurationMs, long FinalFound, long FinalRepaired,
    int WritesDuring, double LongestWriteMs, double LongestCatchUpWriteMs, string LatencyGate, bool GatesGreen)
{
    /// <summary>The switch's span and the pause's start, in Stopwatch ticks (not printed): the writers' figures are taken from them once the writers stopped.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public (long Began, long Paused, long Ended) Span { get; init; }
}

internal sealed record SwitchSummary(string Switch, int Count, double P50Ms, double MaxMs);

internal sealed record WalkFigures(int Writers, int Walks, IReadOnlyList<SwitchTiming> Switches, IReadOnlyList<SwitchSummary> Summary, long Inserts, long Updates,
    int Failures, IReadOnlyList<string> FailureSamples, IReadOnlyList<LostCheck> Lost, double WriteP50Ms, double WriteP99Ms, double OutsideSwitchesP99Ms, double OutsideSwitchesMaxMs, string EndMode, string? Aborted);

/// <summary>Part (b): the forward walk and the rollbacks under N writers, as the CLI's `mode set` and `rollback` run them.</summary>
internal static class CutoverWalk
{
    private static readonly StoreMode[] Forward = [StoreMode.DualWriteSqlitePrimary, StoreMode.DualWritePostgresPrimary, StoreMode.PostgresOnly];

    public static async Task<WalkFigures> RunAsync(IServiceProvider sp, CutoverController cutover, int walks, int writerCount, int delayMs, int settleMs, Action<string> log)
    {
        var writers = new Writers(sp.GetRequiredService<IStoreRouter>(), writerCount, delayMs);
        var switches = new List<SwitchTiming>();
        string? aborted = null;
        writers.Start();
        try
        {
            for (var walk = 1; walk <= walks; walk++)
            {
                foreach (var target in Forward)
                {
                    await Task.Delay(settleMs);
                    var gates = await cutover.GatesAsync(target);
                    switches.Add(await SwitchAsync(walk, "forward", writers, gates, p => cutover.MoveForwardAsync(SystemUser.Cli, target, target.ToString(), $"cutover bench walk {walk}", p)));
                    log(Describe(switches[^1]));
                }

                // Back from PostgresOnly (the rollback issue 14 asks about), then back to SqliteOnly for the next walk;
                // the last walk stops at DualWriteSqlitePrimary so both stores must hold every row the writers saved.
                var back = walk < walks ? 3 : 2;
                for (var step = 0; step < back; step++)
                {
                    await Task.Delay(settleMs);
                    switches.Add(await SwitchAsync(walk, "rollback", writers, null, p => cutover.RollbackAsync(SystemUser.Cli, $"cutover bench walk {walk}", p)));
                    log(Describe(switches[^1]));
                }
            }
        }
        catch (Exception e)
        {
            aborted = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
            log($"walk aborted in {cutover.Mode}: {aborted}");
        }

        await Task.Delay(settleMs);
        await writers.StopAsync();
        // Only now: a write held at the gate is recorded when it finishes, which can be after the switch returned.
        var timings = writers.Timings;
        switches = [.. switches.Select(s => WithWrites(s, timings))];
        log($"writers stopped: {writers.Inserts:N0} inserts, {writers.Updates:N0} edits, {writers.FailureCount} failed; checking both stores");
        var lost = new List<LostCheck> { await writers.CheckAsync(StoreKind.Sqlite), await writers.CheckAsync(StoreKind.Postgres) };
        var all = timings.Select(t => t.Ms).Order().ToList();
        // The writers' own tail with no switch running (8 writers queue on SQLite's single writer): what a switch's figures compare with.
        var outside = timings.Where(t => !switches.Any(s => t.StartedAt >= s.Span.Began && t.StartedAt <= s.Span.Ended)).Select(t => t.Ms).Order().ToList();
        var summary = switches.GroupBy(s => $"{s.Kind} {s.From} → {s.To}")
            .Select(g => new SwitchSummary(g.Key, g.Count(), Percentile(g.Select(s => s.PauseMs).Order().ToList(), 0.5), g.Max(s => s.PauseMs))).ToList();
        return new WalkFigures(writerCount, walks, switches, summary, writers.Inserts, writers.Updates, writers.FailureCount, writers.Failures, lost,
            Percentile(all, 0.5), Percentile(all, 0.99), Percentile(outside, 0.99), outside.Count == 0 ? 0 : Math.Round(outside[^1], 1), cutover.Mode.ToString(), aborted);
    }

    private static async Task<SwitchTiming> SwitchAsync(int walk, string kind, Writers writers, IReadOnlyList<CutoverGate>? gates, Func<IProgress<CutoverProgress>, Task<CutoverResult>> run)
    {
        var steps = new StepClock();
        var began = Stopwatch.GetTimestamp();
        var result = await run(steps);
        var ended = Stopwatch.GetTimestamp();
        var final = result.FinalReconcile;
        return new SwitchTiming(walk, kind, result.From.ToString(), result.To.ToString(), Math.Round(result.Pause.TotalMilliseconds, 1),
            steps.Between(1, 2), steps.Between(2, 3), steps.Between(3, 4), steps.Between(4, 5), steps.Between(5, 6),
            final?.Pass.ToString() ?? "", final?.ChangedKeys ?? 0, final?.DurationMs ?? 0, final?.Found ?? 0, final?.Repaired ?? 0,
            0, 0, 0, gates?.FirstOrDefault(g => g.Name == CutoverGates.Latency)?.Figure ?? "", gates?.All(g => g.Ok) ?? true)
        {
            Span = (began, steps.At(2) ?? ended, ended),
        };
    }

    /// <summary>
    /// The writes that began while the switch ran (catch-up included): the longest is what a user waited at most; and the
    /// longest of those that began and finished during the catch-up, before the pause (what the catch-up pass costs writers).
    /// </summary>
    private static SwitchTiming WithWrites(SwitchTiming s, IReadOnlyList<WriteTiming> timings)
    {
        var (began, paused, ended) = s.Span;
        var during = timings.Where(t => t.StartedAt >= began && t.StartedAt <= ended).ToList();
        var catchUp = during.Where(t => t.StartedAt < paused && t.StartedAt + (long)(t.Ms * Stopwatch.Frequency / 1000) < paused).ToList();
        return s with
        {
            WritesDuring = during.Count,
            LongestWriteMs = during.Count == 0 ? 0 : Math.Round(during.Max(t => t.Ms), 1),
            LongestCatchUpWriteMs = catchUp.Count == 0 ? 0 : Math.Round(catchUp.Max(t => t.Ms), 1),
        };
    }

    private static string Describe(SwitchTiming s) =>
        $"walk {s.Walk} {s.Kind} {s.From} → {s.To}: pause {s.PauseMs:N0} ms (drain {s.DrainMs:N0}, final {s.FinalPass} pass {s.FinalReconcileMs:N0} over {s.FinalChangedKeys} keys, " +
        $"persist {s.PersistModeMs:N0}, align+resume {s.AlignAndResumeMs:N0}); catch-up {s.CatchUpMs:N0} ms";

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)], 1);

    /// <summary>When each step was reported (the controller reports synchronously, so these are the steps' real boundaries).</summary>
    private sealed class StepClock : IProgress<CutoverProgress>
    {
        private readonly ConcurrentDictionary<int, long> _at = new();

        public void Report(CutoverProgress value) => _at.TryAdd(value.Index, Stopwatch.GetTimestamp());

        public long? At(int step) => _at.TryGetValue(step, out var at) ? at : null;

        public double Between(int from, int to) =>
            _at.TryGetValue(from, out var a) && _at.TryGetValue(to, out var b) ? Math.Round(Stopwatch.GetElapsedTime(a, b).TotalMilliseconds, 1) : -1;
    }
}
