using Epic16.Domain.Persistence;

namespace Epic16.Domain.Monitoring;

/// <summary>What one store's commands looked like over a window: how many, how many failed, the percentiles, and from how many app instances.</summary>
public sealed record StoreLatency(StoreKind Store, TimeSpan Window, long Commands, long Errors, TimeSpan P50, TimeSpan P95, TimeSpan P99, int Instances = 1)
{
    public double ErrorRate => Commands == 0 ? 0 : (double)Errors / Commands;
}
