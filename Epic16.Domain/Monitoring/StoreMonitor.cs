using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// Every Epic 16 command and save, per store, kept by the minute for the last hour: latency percentiles and
/// error rate over any window up to an hour, a per-minute series for charts, and whether writes are failing.
/// Fed by <see cref="StoreCommandInterceptor"/> and <see cref="SaveOutcomeInterceptor"/> on every context the
/// router hands out. In memory, per app instance; <see cref="LatencyFlusher"/> shares it through PostgreSQL and
/// <see cref="SharedLatency"/> reads every instance's figures merged.
/// </summary>
public sealed class StoreMonitor(TimeProvider clock)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    private readonly Dictionary<StoreKind, StoreMinutes> _stores = Enum.GetValues<StoreKind>().ToDictionary(s => s, _ => new StoreMinutes());

    /// <summary>The interceptors that report one store's commands and saves here.</summary>
    public IInterceptor[] InterceptorsFor(StoreKind store) => [new StoreCommandInterceptor(this, store), new SaveOutcomeInterceptor(this, store)];

    public void RecordCommand(StoreKind store, TimeSpan elapsed, bool failed)
    {
        var minute = MinuteOf(clock.GetUtcNow().UtcDateTime);
        var minutes = _stores[store];
        lock (minutes)
        {
            var slot = minutes.SlotFor(minute);
            slot.Latency.Record(elapsed);
            if (failed)
            {
                slot.Errors++;
            }
        }
    }

    public void RecordSave(StoreKind store, bool succeeded)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = _stores[store];
        lock (minutes)
        {
            if (succeeded)
            {
                minutes.LastSuccessAt = now;
                minutes.FailingSince = null;
            }
            else
            {
                minutes.FailingSince ??= now;
            }
        }
    }

    /// <summary>This instance's figures alone, read the same way as every instance's merged (<see cref="SharedLatency"/>).</summary>
    public LatencyView Local(string instance = "local")
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new LatencyView([.. RecentMinutes(instance, now)], now, shared: false);
    }

    public StoreLatency Summary(StoreKind store, TimeSpan window) => Local().Summary(store, window);

    /// <summary>The p95 of each of the last `minutes` minutes (oldest first), empty minutes included as zero.</summary>
    public IReadOnlyList<LatencyPoint> Series(StoreKind store, int minutes = 60) => Local().Series(store, minutes);

    /// <summary>This instance's minutes of both stores within the horizon before <paramref name="now"/>.</summary>
    public IEnumerable<MinuteFigures> RecentMinutes(string instance, DateTime now)
    {
        var since = MinuteOf(now) - Horizon + TimeSpan.FromMinutes(1);
        return Enum.GetValues<StoreKind>().SelectMany(s => Minutes(s, instance, since));
    }

    /// <summary>Copies of this instance's minutes of one store since <paramref name="since"/> (oldest first), to persist or merge.</summary>
    public IReadOnlyList<MinuteFigures> Minutes(StoreKind store, string instance, DateTime since)
    {
        var state = _stores[store];
        lock (state)
        {
            return [.. state.Slots.Where(s => s.Minute >= since).Select(s => new MinuteFigures(instance, store, s.Minute, LatencyHistogram.FromCounts(s.Latency.Counts), s.Errors))];
        }
    }

    public static DateTime MinuteOf(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    public WriteHealth Writes(StoreKind store)
    {
        var state = _stores[store];
        lock (state)
        {
            return new WriteHealth(store, state.LastSuccessAt, state.FailingSince);
        }
    }

    private sealed class StoreMinutes
    {
        public List<MinuteSlot> Slots { get; } = [];

        public DateTime? LastSuccessAt { get; set; }

        public DateTime? FailingSince { get; set; }

        public MinuteSlot SlotFor(DateTime minute)
        {
            if (Slots.Count > 0 && Slots[^1].Minute == minute)
            {
                return Slots[^1];
            }

            Slots.RemoveAll(s => s.Minute <= minute - Horizon);
            var slot = new MinuteSlot(minute);
            Slots.Add(slot);
            return slot;
        }
    }

    private sealed class MinuteSlot(DateTime minute)
    {
        public DateTime Minute { get; } = minute;

        public LatencyHistogram Latency { get; } = new();

        public long Errors { get; set; }
    }
}
