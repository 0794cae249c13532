using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence;

namespace Epic16.Domain.DualWrite;

/// <summary>A completed switch: from and to, how long writes were paused, and the final reconcile.</summary>
public sealed record CutoverResult(StoreMode From, StoreMode To, TimeSpan Pause, ReconcileReport? FinalReconcile, StoreModeChange Change);
