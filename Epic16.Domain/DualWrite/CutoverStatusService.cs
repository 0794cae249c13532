using Epic16.Domain.Auditing;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// The migration status page's read model: <see cref="ViewAsync"/> when the page opens or the mode changes (gates
/// included), <see cref="TickAsync"/> for the live refresh (gates only when asked: they query both stores), and the
/// 24 h dual-write report for its downloads. Figures held in memory (mode, triggers, latency, mirror, drift) are read
/// first, then the stored history and audit.
/// </summary>
public sealed class CutoverStatusService(
    StoreModeState modeState,
    StoreModes modes,
    CutoverController cutover,
    MirrorLog mirror,
    Reconciler reconciler,
    SharedLatency latency,
    RollbackTriggerWatch triggers,
    RollbackLimits limits,
    AuditLog audit,
    DualWriteReport report,
    TimeProvider clock)
{
    public const int HistoryRows = 20;
    public const int AuditRows = 30;

    public Task<CutoverStatus> ViewAsync(ICurrentUser user, CancellationToken ct = default) => ReadAsync(user, withGates: true, ct);

    public Task<CutoverStatus> TickAsync(ICurrentUser user, bool withGates, CancellationToken ct = default) => ReadAsync(user, withGates, ct);

    /// <summary>The dual-write report's hours of the last 24 hours up to now, and that window.</summary>
    public async Task<(IReadOnlyList<DualWriteHourRow> Hours, DateTime From, DateTime To)> LastDayAsync(ICurrentUser user, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.RunMigration);
        var to = clock.GetUtcNow().UtcDateTime;
        var from = to.AddHours(-24);
        return (await report.HoursAsync(from, to, ct), from, to);
    }

    private async Task<CutoverStatus> ReadAsync(ICurrentUser user, bool withGates, CancellationToken ct)
    {
        AccessGuard.Demand(user, AppPolicies.RunMigration);
        var snapshot = modeState.Current;
        var view = await latency.ReadAsync(ct);
        var latencies = Enum.GetValues<StoreKind>().SelectMany(s => new[] { view.Summary(s, RollbackLimits.Window), view.Summary(s, StoreMonitor.Horizon) }).ToList();
        var series = Enum.GetValues<StoreKind>().ToDictionary(s => s, s => view.Series(s));
        var (totals, failures, drift, latest) = (mirror.Totals(), mirror.RecentFailures(), reconciler.LastReport, triggers.Latest);
        var refreshedAt = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<CutoverGate>? gates = null;
        if (withGates)
        {
            gates = CutoverController.Next(snapshot.Mode) is { } next ? await cutover.GatesAsync(next, ct) : [];
        }

        var history = await modes.HistoryAsync(HistoryRows, ct);
        var entries = await audit.LatestAsync(AuditRows, ct);
        return new CutoverStatus(snapshot, gates, latest, limits, latencies, series, totals, failures, drift, history, entries, refreshedAt)
        {
            InstancesReporting = view.Instances(RollbackLimits.Window),
            LatencyShared = view.Shared,
        };
    }
}
