using Epic16.Domain.Auditing;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// What the migration status page shows, read in one call: the mode, the gates to the next mode (null when this read did
/// not evaluate them), the rollback triggers and their limits, latency per store, the mirror, drift, history and audit.
/// </summary>
public sealed record CutoverStatus(
    StoreModeSnapshot Mode,
    IReadOnlyList<CutoverGate>? Gates,
    TriggerReport Triggers,
    RollbackLimits Limits,
    IReadOnlyList<StoreLatency> Latencies,
    IReadOnlyDictionary<StoreKind, IReadOnlyList<LatencyPoint>> Series,
    MirrorTotals Mirror,
    IReadOnlyList<MirrorFailure> Failures,
    ReconcileReport? Drift,
    IReadOnlyList<StoreModeChange> History,
    IReadOnlyList<AuditEntry> Audit,
    DateTime RefreshedAt)
{
    /// <summary>How many app instances recorded commands in the last 5 minutes (their figures are merged in <see cref="Latencies"/>).</summary>
    public int InstancesReporting { get; init; } = 1;

    /// <summary>False when other instances' figures could not be read: the latencies are this instance's only.</summary>
    public bool LatencyShared { get; init; } = true;
}
