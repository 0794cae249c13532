namespace Epic16.Domain.Monitoring;

/// <summary>One minute of a store's commands, for the status page's small chart.</summary>
public sealed record LatencyPoint(DateTime Minute, long Commands, TimeSpan P95);
