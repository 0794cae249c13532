using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Runs the <see cref="Reconciler"/> from the primary to the secondary every `DualWrite:ReconcileIntervalSeconds`
/// (default 60) while a dual-write mode is on, so a mirror write that failed is healed, never lost.
/// </summary>
public sealed class ReconcilerService(Reconciler reconciler, StoreModeState state, WriteGate gate, DualWriteSettings settings, ILogger<ReconcilerService> logger) : BackgroundService
{
    private static readonly SystemUser Actor = new("system:reconciler");

    /// <summary>One pass now, when a dual-write mode is on and no cutover holds the write gate; null otherwise.</summary>
    public async Task<ReconcileReport?> RunOnceAsync(CancellationToken ct = default)
    {
        var mode = state.Mode;
        if (!StoreModeState.IsDualWrite(mode) || gate.IsPaused)
        {
            return null;
        }

        var primary = StoreModeState.PrimaryOf(mode);
        var secondary = StoreModeState.Other(primary);
        try
        {
            var report = await reconciler.ReconcileAsync(Actor, primary, secondary, ct: ct);
            if (report.Found > 0)
            {
                logger.LogWarning("Reconcile {From} → {To}: {Found} drifted row(s) found, {Repaired} repaired", primary, secondary, report.Found, report.Repaired);
            }

            return report;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Reconcile {From} → {To} did not finish: {Reason}", primary, secondary, e.Message.Split('\n')[0]);
            return reconciler.RecordFailure(primary, secondary, e);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.ReconcileInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
