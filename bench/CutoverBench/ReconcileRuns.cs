using System.Diagnostics;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Bench.Cutover;

/// <summary>One timed reconcile pass: the reconciler's own duration and the wall time of the call (watermark advance included).</summary>
internal sealed record PassTiming(string Pass, int Run, long ChangedKeys, long Rows, long Found, long Repaired, long DurationMs, double WallMs);

internal sealed record ReconcileFigures(PassTiming Full, IReadOnlyList<PassTiming> Idle, IReadOnlyList<PassTiming> Changed, int RowsChangedPerRun);

/// <summary>
/// Part (a): the reconciler SQLite → PostgreSQL on the migrated set, as the CLI's `reconcile --full` and `reconcile` run it:
/// a full pass (also the watermark and the parity the first gate reads), changed passes with nothing changed, and per
/// run a changed pass after 1,000 rows were saved through the router in DualWriteSqlitePrimary (the mirror recorded their keys).
/// </summary>
internal static class ReconcileRuns
{
    public const int IdlePasses = 5;
    public const int RowsPerRun = 1_000;
    private const int MaxProspectsPerRun = 500;
    private const int RowsPerSave = 100;

    public static async Task<ReconcileFigures> RunAsync(IServiceProvider sp, int runs, Action<string> log)
    {
        var reconciler = sp.GetRequiredService<Reconciler>();
        var full = await TimeAsync("full", 1, () => reconciler.ReconcileAsync(SystemUser.Cli, StoreKind.Sqlite, StoreKind.Postgres));
        log($"full pass: {full.Rows:N0} rows in {full.WallMs:N0} ms, {full.Found} drifted");

        var idle = new List<PassTiming>();
        for (var i = 1; i <= IdlePasses; i++)
        {
            idle.Add(await TimeAsync("changed-idle", i, () => reconciler.ReconcileChangedAsync(SystemUser.Cli, StoreKind.Sqlite, StoreKind.Postgres)));
        }

        log($"idle changed passes: {string.Join(", ", idle.Select(p => $"{p.WallMs:0.0}"))} ms");

        var state = sp.GetRequiredService<StoreModeState>();
        var router = sp.GetRequiredService<IStoreRouter>();
        var changed = new List<PassTiming>();
        var rows = 0;
        for (var run = 1; run <= runs; run++)
        {
            var original = state.Current;
            state.Apply(original with { Mode = StoreMode.DualWriteSqlitePrimary });
            try
            {
                rows = await ChangeRowsAsync(router, run);
            }
            finally
            {
                state.Apply(original);
            }

            changed.Add(await TimeAsync("changed-1000", run, () => reconciler.ReconcileChangedAsync(SystemUser.Cli, StoreKind.Sqlite, StoreKind.Postgres)));
            log($"changed pass after {rows} rows, run {run}: {changed[^1].ChangedKeys} keys in {changed[^1].WallMs:N0} ms, {changed[^1].Found} drifted");
        }

        return new ReconcileFigures(full, idle, changed, rows);
    }

    /// <summary>Edits the notes of up to 500 prospects, and of touchpoints for the rest of 1,000 rows (a different slice each run), 100 rows a save, through the primary context.</summary>
    private static async Task<int> ChangeRowsAsync(IStoreRouter router, int run)
    {
        var changed = 0;
        var stamp = $"cutover-bench reconcile run {run} {DateTime.UtcNow:O}";
        await using (var db = await router.CreateContextAsync())
        {
            var ids = await db.Prospects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            foreach (var chunk in Slice(ids, run, MaxProspectsPerRun).Chunk(RowsPerSave))
            {
                await using var save = await router.CreateContextAsync();
                foreach (var prospect in await save.Prospects.Where(p => chunk.Contains(p.Id)).ToListAsync())
                {
                    prospect.Notes = stamp;
                    changed++;
                }

                await save.SaveChangesAsync();
            }
        }

        await using (var db = await router.CreateContextAsync())
        {
            // Spread over the 1M-row table, a different residue each run.
            var ids = await db.Touchpoints.Where(t => t.Id % 211 == run).OrderBy(t => t.Id).Select(t => t.Id).Take(RowsPerRun - changed).ToListAsync();
            foreach (var chunk in ids.Chunk(RowsPerSave))
            {
                await using var save = await router.CreateContextAsync();
                foreach (var touchpoint in await save.Touchpoints.Where(t => chunk.Contains(t.Id)).ToListAsync())
                {
                    touchpoint.Notes = stamp;
                    changed++;
                }

                await save.SaveChangesAsync();
            }
        }

        return changed;
    }

    private static IEnumerable<long> Slice(List<long> ids, int run, int count) =>
        Enumerable.Range(0, Math.Min(count, ids.Count)).Select(i => ids[((run - 1) * count + i) % ids.Count]).Distinct();

    private static async Task<PassTiming> TimeAsync(string pass, int run, Func<Task<ReconcileReport>> reconcile)
    {
        var clock = Stopwatch.StartNew();
        var report = await reconcile();
        var wall = clock.Elapsed.TotalMilliseconds;
        if (!report.InSync)
        {
            throw new InvalidOperationException($"{pass} pass {run} left {report.Found - report.Repaired} row(s) unrepaired");
        }

        return new PassTiming(pass, run, report.ChangedKeys, report.Tables.Sum(t => t.PrimaryRows), report.Found, report.Repaired, report.DurationMs, Math.Round(wall, 1));
    }
}
