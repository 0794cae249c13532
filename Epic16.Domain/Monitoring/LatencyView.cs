using Epic16.Domain.Persistence;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// Every instance's minutes of the last hour, merged: summaries over any window up to an hour, the per-minute p95 series,
/// and how many instances reported. <see cref="Shared"/> is false when PostgreSQL could not be read (this instance only).
/// </summary>
public sealed class LatencyView(IReadOnlyList<MinuteFigures> minutes, DateTime now, bool shared)
{
    public bool Shared => shared;

    public StoreLatency Summary(StoreKind store, TimeSpan window)
    {
        var since = StoreMonitor.MinuteOf(now) - window + TimeSpan.FromMinutes(1);
        var total = new LatencyHistogram();
        long errors = 0;
        var instances = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in minutes.Where(m => m.Store == store && m.Minute >= since))
        {
            total.Add(m.Latency);
            errors += m.Errors;
            instances.Add(m.Instance);
        }

        return new StoreLatency(store, window, total.Count, errors, total.Percentile(0.50), total.Percentile(0.95), total.Percentile(0.99), instances.Count);
    }

    /// <summary>How many instances recorded commands on either store within the window.</summary>
    public int Instances(TimeSpan window)
    {
        var since = StoreMonitor.MinuteOf(now) - window + TimeSpan.FromMinutes(1);
        return minutes.Where(m => m.Minute >= since).Select(m => m.Instance).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>The merged p95 of each of the last `count` minutes (oldest first), empty minutes as zero.</summary>
    public IReadOnlyList<LatencyPoint> Series(StoreKind store, int count = 60)
    {
        var last = StoreMonitor.MinuteOf(now);
        var byMinute = minutes.Where(m => m.Store == store).GroupBy(m => m.Minute).ToDictionary(g => g.Key, g =>
        {
            var merged = new LatencyHistogram();
            foreach (var m in g)
            {
                merged.Add(m.Latency);
            }

            return merged;
        });
        return [.. Enumerable.Range(0, count).Select(i => last.AddMinutes(i - count + 1))
            .Select(m => byMinute.TryGetValue(m, out var h) ? new LatencyPoint(m, h.Count, h.Percentile(0.95)) : new LatencyPoint(m, 0, TimeSpan.Zero))];
    }
}
