using System.Text.Json;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// Reads the latency minutes of every instance (`monitoring_latency_minutes`, written by each one's
/// <see cref="LatencyFlusher"/>) together with this instance's own live figures, so the status page, the cutover gates,
/// the rollback triggers and `mode set` from the CLI judge all traffic. When PostgreSQL cannot be read, this
/// instance's own figures still count (the rollback triggers must keep working through a PostgreSQL outage).
/// </summary>
public sealed class SharedLatency(StoreMonitor monitor, IDbContextFactory<PlatformContext> platform, DualWriteSettings instance, TimeProvider clock, ILogger<SharedLatency> logger)
{
    public async Task<LatencyView> ReadAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = StoreMonitor.MinuteOf(now) - StoreMonitor.Horizon + TimeSpan.FromMinutes(1);
        var minutes = monitor.RecentMinutes(instance.Instance, now).ToList();
        try
        {
            await using var db = await platform.CreateDbContextAsync(ct);
            var me = instance.Instance;
            var rows = await db.LatencyMinutes.AsNoTracking().Where(m => m.Minute >= since && m.Instance != me).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (Enum.TryParse<StoreKind>(row.Store, out var store))
                {
                    minutes.Add(new MinuteFigures(row.Instance, store, row.Minute, LatencyHistogram.FromCounts(JsonSerializer.Deserialize<long[]>(row.Latency) ?? []), row.Errors));
                }
            }

            return new LatencyView(minutes, now, shared: true);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning("Other instances' latency figures unavailable; judging this instance's only: {Reason}", e.Message.Split('\n')[0]);
            return new LatencyView(minutes, now, shared: false);
        }
    }
}
