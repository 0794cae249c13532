using System.Text.Json;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Writes this instance's hourly mirror and drift figures into `migration_dual_write_hours` every
/// `DualWrite:FlushSeconds` (one row per hour and instance, overwritten with the running totals), so user saves never
/// wait for it.
/// </summary>
public sealed class DualWriteHourWriter(MirrorLog log, IDbContextFactory<PlatformContext> platform, DualWriteSettings settings, TimeProvider clock, ILogger<DualWriteHourWriter> logger) : BackgroundService
{
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var hours = log.Hours();
        if (hours.Count == 0)
        {
            return;
        }

        await using var db = await platform.CreateDbContextAsync(ct);
        foreach (var (hour, mirrored, failures, found, repaired, primary, secondary) in hours)
        {
            var row = await db.DualWriteHours.FindAsync([hour, settings.Instance], ct);
            if (row is null)
            {
                row = new DualWriteHour { Hour = hour, Instance = settings.Instance };
                db.DualWriteHours.Add(row);
            }

            row.WritesMirrored = mirrored;
            row.Failures = failures;
            row.DriftFound = found;
            row.DriftRepaired = repaired;
            row.PrimaryLatency = JsonSerializer.Serialize(primary.Counts);
            row.SecondaryLatency = JsonSerializer.Serialize(secondary.Counts);
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
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
            logger.LogWarning("Dual-write figures not written this time: {Reason}", e.Message.Split('\n')[0]);
        }
    }
}
