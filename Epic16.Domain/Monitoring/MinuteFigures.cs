using Epic16.Domain.Persistence;

namespace Epic16.Domain.Monitoring;

/// <summary>One instance's commands on one store in one minute: the unit that is persisted and merged.</summary>
public sealed record MinuteFigures(string Instance, StoreKind Store, DateTime Minute, LatencyHistogram Latency, long Errors);
