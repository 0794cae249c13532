using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Monitoring;

public sealed class StoreMonitorTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 24, 10, 0, 30, TimeSpan.Zero));

    [Fact]
    public void Windows_keep_only_their_minutes_and_stores_apart()
    {
        var monitor = new StoreMonitor(_clock);
        monitor.RecordCommand(StoreKind.Postgres, TimeSpan.FromMilliseconds(500), failed: true);
        _clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 99; i++)
        {
            monitor.RecordCommand(StoreKind.Postgres, TimeSpan.FromMilliseconds(2), failed: false);
        }

        monitor.RecordCommand(StoreKind.Sqlite, TimeSpan.FromMilliseconds(1), failed: false);

        var lastFive = monitor.Summary(StoreKind.Postgres, TimeSpan.FromMinutes(5));
        var lastHour = monitor.Summary(StoreKind.Postgres, TimeSpan.FromHours(1));
        Assert.Equal((99, 0), (lastFive.Commands, lastFive.Errors));
        Assert.Equal((100, 1), (lastHour.Commands, lastHour.Errors));
        Assert.Equal(0.01, lastHour.ErrorRate, 6);
        Assert.InRange(lastHour.P99.TotalMilliseconds, 2, 2.2);
        Assert.Equal(1, monitor.Summary(StoreKind.Sqlite, TimeSpan.FromMinutes(5)).Commands);

        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(0, monitor.Summary(StoreKind.Postgres, TimeSpan.FromHours(1)).Commands);
    }

    [Fact]
    public void Series_has_one_point_per_minute_with_that_minutes_p95()
    {
        var monitor = new StoreMonitor(_clock);
        monitor.RecordCommand(StoreKind.Sqlite, TimeSpan.FromMilliseconds(40), failed: false);
        _clock.Advance(TimeSpan.FromMinutes(2));
        monitor.RecordCommand(StoreKind.Sqlite, TimeSpan.FromMilliseconds(4), failed: false);

        var series = monitor.Series(StoreKind.Sqlite, minutes: 5);

        Assert.Equal(5, series.Count);
        Assert.Equal([0, 0, 1, 0, 1], series.Select(p => p.Commands));
        Assert.InRange(series[2].P95.TotalMilliseconds, 40, 44);
        Assert.InRange(series[4].P95.TotalMilliseconds, 4, 4.4);
    }

    [Fact]
    public void A_write_outage_runs_from_the_first_failure_until_a_save_succeeds()
    {
        var monitor = new StoreMonitor(_clock);
        monitor.RecordSave(StoreKind.Postgres, succeeded: true);
        _clock.Advance(TimeSpan.FromMinutes(1));
        monitor.RecordSave(StoreKind.Postgres, succeeded: false);
        var since = _clock.Now.UtcDateTime;
        _clock.Advance(TimeSpan.FromMinutes(6));
        monitor.RecordSave(StoreKind.Postgres, succeeded: false);

        var failing = monitor.Writes(StoreKind.Postgres);
        Assert.Equal(since, failing.FailingSince);
        Assert.Equal(TimeSpan.FromMinutes(6), failing.OutageAt(_clock.Now.UtcDateTime));

        monitor.RecordSave(StoreKind.Postgres, succeeded: true);
        Assert.Null(monitor.Writes(StoreKind.Postgres).FailingSince);
        Assert.Null(monitor.Writes(StoreKind.Sqlite).LastSuccessAt);
    }
}
