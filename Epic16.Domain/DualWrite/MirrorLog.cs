using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// What the mirror and the reconciler did on this instance: totals, the last <see cref="RecentCapacity"/> failures
/// (for the page), and per-hour figures with both sides' latency histograms, which <see cref="DualWriteHourWriter"/>
/// persists every few seconds (never on the user's save path).
/// </summary>
public sealed class MirrorLog(TimeProvider clock)
{
    public const int RecentCapacity = 100;

    private readonly object _lock = new();
    private readonly LinkedList<MirrorFailure> _recent = new();
    private readonly SortedDictionary<DateTime, HourFigures> _hours = [];
    private long _mirrored, _failures, _skipped, _driftFound, _driftRepaired;
    private DateTime? _lastFailureAt;

    public void RecordSuccess(TimeSpan primary, TimeSpan secondary, int skippedQuarantined = 0)
    {
        lock (_lock)
        {
            _mirrored++;
            _skipped += skippedQuarantined;
            var hour = Hour();
            hour.WritesMirrored++;
            hour.Primary.Record(primary);
            hour.Secondary.Record(secondary);
        }
    }

    public void RecordFailure(StoreKind secondary, string tables, int rows, string reason, TimeSpan primary, TimeSpan? secondaryElapsed = null)
    {
        lock (_lock)
        {
            _failures++;
            var now = clock.GetUtcNow().UtcDateTime;
            _lastFailureAt = now;
            _recent.AddFirst(new MirrorFailure(now, secondary, tables, rows, reason));
            if (_recent.Count > RecentCapacity)
            {
                _recent.RemoveLast();
            }

            var hour = Hour();
            hour.Failures++;
            hour.Primary.Record(primary);
            if (secondaryElapsed is { } elapsed)
            {
                hour.Secondary.Record(elapsed);
            }
        }
    }

    public void RecordDrift(long found, long repaired)
    {
        lock (_lock)
        {
            _driftFound += found;
            _driftRepaired += repaired;
            var hour = Hour();
            hour.DriftFound += found;
            hour.DriftRepaired += repaired;
        }
    }

    public MirrorTotals Totals()
    {
        lock (_lock)
        {
            return new MirrorTotals(_mirrored, _failures, _skipped, _driftFound, _driftRepaired, _lastFailureAt);
        }
    }

    /// <summary>The most recent failures first.</summary>
    public IReadOnlyList<MirrorFailure> RecentFailures()
    {
        lock (_lock)
        {
            return [.. _recent];
        }
    }

    /// <summary>A copy of this instance's figures for the hours still held (the current one and the one before).</summary>
    public IReadOnlyList<(DateTime Hour, long Mirrored, long Failures, long DriftFound, long DriftRepaired, LatencyHistogram Primary, LatencyHistogram Secondary)> Hours()
    {
        lock (_lock)
        {
            return _hours.Select(h => (h.Key, h.Value.WritesMirrored, h.Value.Failures, h.Value.DriftFound, h.Value.DriftRepaired,
                LatencyHistogram.FromCounts(h.Value.Primary.Counts), LatencyHistogram.FromCounts(h.Value.Secondary.Counts))).ToList();
        }
    }

    private HourFigures Hour()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        if (!_hours.TryGetValue(hour, out var figures))
        {
            figures = new HourFigures();
            _hours[hour] = figures;
            foreach (var old in _hours.Keys.Where(h => h < hour.AddHours(-1)).ToList())
            {
                _hours.Remove(old);
            }
        }

        return figures;
    }

    private sealed class HourFigures
    {
        public long WritesMirrored { get; set; }

        public long Failures { get; set; }

        public long DriftFound { get; set; }

        public long DriftRepaired { get; set; }

        public LatencyHistogram Primary { get; } = new();

        public LatencyHistogram Secondary { get; } = new();
    }
}
