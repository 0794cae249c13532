using System.Globalization;
using Epic16.Domain.Crm;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// The gates a cutover must pass, each with its figure: parity 100 % (latest reconcile or validation), no unresolved
/// quarantine, p95 latency and error rate within the rollback limits (`Rollback:*`, 200 ms and 1 %) on both stores over 5 minutes
/// (every instance's commands, <see cref="SharedLatency"/>), the Epic 7 pipeline Epic 16
/// did not create unchanged since dual-write began, and a backup younger than an hour. Also the figures recorded
/// with every switch.
/// </summary>
public sealed class CutoverGates(
    Reconciler reconciler,
    StoreModes modes,
    SharedLatency latency,
    MirrorLog mirror,
    CrmService crm,
    QuarantineLog quarantine,
    BackupService backups,
    IDbContextFactory<PlatformContext> platform,
    RollbackLimits limits,
    TimeProvider clock)
{
    public static readonly TimeSpan LatencyWindow = RollbackLimits.Window;
    public static readonly TimeSpan MaxBackupAge = TimeSpan.FromHours(1);

    public const string Parity = "Parity 100 %";
    public const string Quarantine = "No unresolved quarantine";
    public const string Latency = "p95 latency within limit";
    public const string Errors = "Error rate within limit";
    public const string Epic7 = "Epic 7 pipeline intact";
    public const string Backup = "Backup younger than an hour";

    public async Task<IReadOnlyList<CutoverGate>> EvaluateAsync(StoreMode target, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var gates = new List<CutoverGate> { await ParityGateAsync(ct) };

        var open = (await quarantine.OpenRowsPerTableAsync(ct)).Values.Sum();
        gates.Add(new CutoverGate(Quarantine, open == 0, $"{open} unresolved row(s)"));

        var view = await latency.ReadAsync(ct);
        var sqlite = view.Summary(StoreKind.Sqlite, LatencyWindow);
        var postgres = view.Summary(StoreKind.Postgres, LatencyWindow);
        var seen = view.Shared ? $"from {view.Instances(LatencyWindow)} app instance(s)" : "from this process only: other instances' figures unreadable";
        gates.Add(new CutoverGate(Latency, sqlite.P95 <= limits.MaxP95 && postgres.P95 <= limits.MaxP95,
            $"SQLite {Ms(sqlite.P95)} ms, PostgreSQL {Ms(postgres.P95)} ms (5 min, {sqlite.Commands + postgres.Commands:N0} commands {seen}; limit {Ms(limits.MaxP95)} ms)"));
        gates.Add(new CutoverGate(Errors, sqlite.ErrorRate <= limits.MaxErrorRate && postgres.ErrorRate <= limits.MaxErrorRate,
            $"SQLite {Pct(sqlite.ErrorRate)} %, PostgreSQL {Pct(postgres.ErrorRate)} % (5 min)"));

        var pipeline = await crm.PipelineAsync(ct);
        // Dual-write begins with this switch: its figures become the baseline every later gate compares with.
        var baseline = target == StoreMode.DualWriteSqlitePrimary ? null : await modes.DualWriteBaselineAsync(ct);
        gates.Add(target == StoreMode.DualWriteSqlitePrimary
            ? new CutoverGate(Epic7, true, $"${Usd(pipeline.UntouchedUsd)}, recorded as the baseline with this switch")
            : baseline is null
                ? new CutoverGate(Epic7, false, $"${Usd(pipeline.UntouchedUsd)} now; no baseline was recorded when dual-write began")
                : new CutoverGate(Epic7, baseline.Epic7UntouchedUsd == pipeline.UntouchedUsd,
                    $"${Usd(pipeline.UntouchedUsd)} now, ${Usd(baseline.Epic7UntouchedUsd)} when dual-write began"));

        var newest = (await backups.ListAsync(verify: false, ct)).Where(b => b.Manifest is not null).Select(b => b.Manifest!.CreatedAt).DefaultIfEmpty().Max();
        gates.Add(newest == default
            ? new CutoverGate(Backup, false, "no backup")
            : new CutoverGate(Backup, now - newest <= MaxBackupAge, $"newest {newest:yyyy-MM-dd HH:mm} UTC, {(int)(now - newest).TotalMinutes} min old"));
        return gates;
    }

    /// <summary>What the stores and the Epic 7 pipeline look like now: recorded with every switch and in its audit entry.</summary>
    public async Task<ModeFigures> FiguresAsync(CancellationToken ct = default)
    {
        var pipeline = await crm.PipelineAsync(ct);
        var view = await latency.ReadAsync(ct);
        var sqlite = view.Summary(StoreKind.Sqlite, LatencyWindow);
        var postgres = view.Summary(StoreKind.Postgres, LatencyWindow);
        var totals = mirror.Totals();
        var (parity, _) = await LatestParityAsync(ct);
        return new ModeFigures(pipeline.OpenTotalUsd, pipeline.UntouchedUsd, parity, sqlite.P95.TotalMilliseconds, postgres.P95.TotalMilliseconds,
            sqlite.ErrorRate, postgres.ErrorRate, totals.Failures, totals.DriftFound);
    }

    private async Task<CutoverGate> ParityGateAsync(CancellationToken ct)
    {
        var (parity, source) = await LatestParityAsync(ct);
        return parity is null
            ? new CutoverGate(Parity, false, "no validation or reconcile yet")
            : new CutoverGate(Parity, parity == 100m, $"{parity.Value.ToString("0.##", CultureInfo.InvariantCulture)} % ({source})");
    }

    /// <summary>The newer of the last reconcile pass (after its repair) and the last recorded validation.</summary>
    private async Task<(decimal? Parity, string Source)> LatestParityAsync(CancellationToken ct)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var run = await db.ParityRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var pass = reconciler.LastReport;
        if (pass is not null && pass.IsNewerThan(run))
        {
            return pass.Error is null
                ? (pass.ParityAfterPercent, $"reconcile {pass.From.DisplayName()} → {pass.To.DisplayName()} at {pass.StartedAt:HH:mm:ss} UTC")
                : (0m, $"reconcile failed at {pass.StartedAt:HH:mm:ss} UTC: {pass.Error}");
        }

        return run is null ? (null, "") : (run.Matches ? 100m : Math.Min(run.ParityPercent, 99.99m), $"validation at {run.RunAt:HH:mm:ss} UTC");
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Pct(double rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Usd(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);
}
