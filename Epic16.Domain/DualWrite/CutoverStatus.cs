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
    DateTime RefreshedAt);
