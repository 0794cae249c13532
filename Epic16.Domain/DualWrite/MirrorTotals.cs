namespace Epic16.Domain.DualWrite;

/// <summary>This instance's mirror and reconciler figures since it started, for the status page.</summary>
public sealed record MirrorTotals(long WritesMirrored, long Failures, long RowsSkippedQuarantined, long DriftFound, long DriftRepaired, DateTime? LastFailureAt);
