using System.Text.Json;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// Writes this instance's per-minute latency histograms and error counts into `monitoring_latency_minutes` every
/// `Monitoring:FlushSeconds` (10), one row per minute, store and instance (overwritten with the running figures), and
/// drops rows older than two hours. User commands never wait for it; a failed flush is retried with the next one.
/// </summary>
public sealed class LatencyFlusher(StoreMonitor monitor, IDbContextFactory<PlatformContext> platform, DualWriteSettings instance, MonitoringSettings settings, TimeProvider clock, ILogger<LatencyFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Keep = TimeSpan.FromHours(2);

    private DateTime _since = DateTime.MinValue;

    public async Task FlushAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The minute of the last flush may have grown since; everything before it was written in full.
        var since = _since;
        var minutes = Enum.GetValues<StoreKind>().SelectMany(s => monitor.Minutes(s, instance.Instance, since)).ToList();
        await using var db = await platform.CreateDbContextAsync(ct);
        foreach (var figures in minutes)
        {
            var store = figures.Store.ToString();
            var row = await db.LatencyMinutes.FindAsync([figures.Minute, store, instance.Instance], ct);
            if (row is null)
            {
                row = new LatencyMinute { Minute = figures.Minute, Store = store, Instance = instance.Instance };
                db.LatencyMinutes.Add(row);
            }

            row.Commands = figures.Latency.Count;
            row.Errors = figures.Errors;
            row.Latency = JsonSerializer.Serialize(figures.Latency.Counts);
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        var cutoff = now - Keep;
        await db.LatencyMinutes.Where(m => m.Minute < cutoff).ExecuteDeleteAsync(ct);
        _since = StoreMonitor.MinuteOf(now);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Flush);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: one last flush below.
        }

        await TryFlushAsync(CancellationToken.None);
    }

    private async Task TryFlushAsync(CancellationToken ct)
    {
        try
        {
            await FlushAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Latency figures not shared this time: {Reason}", e.Message.Split('\n')[0]);
        }
    }
}
