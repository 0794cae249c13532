namespace Epic16.Domain.DualWrite;

/// <summary>One hour of the dual-write report, all instances summed: writes mirrored, failures, drift, both sides' latency.</summary>
public sealed record DualWriteHourRow(
    DateTime Hour,
    long WritesMirrored,
    long Failures,
    long DriftFound,
    long DriftRepaired,
    TimeSpan PrimaryP50,
    TimeSpan PrimaryP95,
    TimeSpan SecondaryP50,
    TimeSpan SecondaryP95);
