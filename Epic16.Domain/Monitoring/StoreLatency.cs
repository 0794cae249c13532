using Epic16.Domain.Persistence;

namespace Epic16.Domain.Monitoring;

/// <summary>What one store's commands looked like over a window: how many, how many failed, and the percentiles.</summary>
public sealed record StoreLatency(StoreKind Store, TimeSpan Window, long Commands, long Errors, TimeSpan P50, TimeSpan P95, TimeSpan P99)
{
    public double ErrorRate => Commands == 0 ? 0 : (double)Errors / Commands;
}
