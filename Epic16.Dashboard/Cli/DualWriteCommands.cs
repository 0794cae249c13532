using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Epic16.Domain.Acquisition;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Dashboard.Cli;

/// <summary>
/// `reconcile`: one reconcile pass from the persisted mode's primary to the other store (the rollback sync, by hand);
/// `bench-saves`: single-row save latency in each mode, for bench/run-dual-write-bench.sh (writes and then deletes
/// benchmark rows: run it on a benchmark database only).
/// </summary>
public static class DualWriteCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Reconcile(GlobalOptions options)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("reconcile", "Compare both stores by row hashes and repair the other store from the persisted mode's primary. Exit 0: in sync afterwards; 1: failure.") { json };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            await sp.GetRequiredService<CutoverController>().LoadModeAsync(ct);
            var primary = StoreModeState.PrimaryOf(sp.GetRequiredService<StoreModeState>().Mode);
            var report = await sp.GetRequiredService<Reconciler>().ReconcileAsync(primary, StoreModeState.Other(primary), ct: ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { from = report.From.ToString(), to = report.To.ToString(), report.DurationMs, report.Found, report.Repaired, rows = report.Tables.Sum(t => t.PrimaryRows), report.Tables }, Json));
            }
            else
            {
                foreach (var t in report.Tables)
                {
                    output.WriteLine($"{t.Table,-30} {t.PrimaryRows,10:N0} {t.SecondaryRows,10:N0} missing {t.Missing,6:N0} different {t.Different,6:N0} extra {t.Extra,6:N0} repaired {t.Repaired,6:N0}");
                }

                output.WriteLine($"{report.From} → {report.To}: {report.Found} drifted, {report.Repaired} repaired in {report.DurationMs:N0} ms");
            }

            return report.InSync ? CliExitCodes.Ok : CliExitCodes.Failure;
        }));
        return command;
    }

    public static Command BenchSaves(GlobalOptions options)
    {
        var saves = new Option<int>("--saves") { Description = "Single-row saves per mode (after 50 warm-up saves)", DefaultValueFactory = _ => 500 };
        var command = new Command("bench-saves", "Benchmark only: p50/p95/p99 of a single-row save through the router in each store mode (JSON). Writes and deletes benchmark rows.") { saves };
        command.Hidden = true;
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var router = sp.GetRequiredService<IStoreRouter>();
            var state = sp.GetRequiredService<StoreModeState>();
            var original = state.Current;
            var results = new List<object>();
            try
            {
                foreach (var mode in Enum.GetValues<StoreMode>())
                {
                    state.Apply(original with { Mode = mode });
                    var timings = new List<double>();
                    var ids = new List<long>();
                    for (var i = 0; i < 50 + parse.GetValue(saves); i++)
                    {
                        await using var db = await router.CreateContextAsync(ct);
                        var prospect = new Prospect { CompanyName = $"bench {mode} {i}", CreatedAt = DateTime.UtcNow, TechStack = ["x"] };
                        db.Prospects.Add(prospect);
                        var clock = Stopwatch.StartNew();
                        await db.SaveChangesAsync(ct);
                        if (i >= 50)
                        {
                            timings.Add(clock.Elapsed.TotalMilliseconds);
                        }

                        ids.Add(prospect.Id);
                    }

                    timings.Sort();
                    results.Add(new { mode = mode.ToString(), saves = timings.Count, p50_ms = At(timings, 0.50), p95_ms = At(timings, 0.95), p99_ms = At(timings, 0.99) });
                    await using var cleanup = await router.CreateContextAsync(ct);
                    cleanup.Prospects.RemoveRange(ids.Select(id => new Prospect { Id = id }));
                    await cleanup.SaveChangesAsync(ct);
                }
            }
            finally
            {
                state.Apply(original);
            }

            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(new { results, mirror = sp.GetRequiredService<MirrorLog>().Totals() }, Json));
            return CliExitCodes.Ok;
        }));
        return command;
    }

    private static double At(List<double> sorted, double fraction) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)], 3, MidpointRounding.AwayFromZero);
}
