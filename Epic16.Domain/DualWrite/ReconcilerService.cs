using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Runs the <see cref="Reconciler"/> from the primary to the secondary every `DualWrite:ReconcileIntervalSeconds`
/// (default 60) while a dual-write mode is on, so a mirror write that failed is healed, never lost. A pass compares
/// only the keys changed since the last one, except every `DualWrite:FullReconcileMinutes` (default 60), before the
/// first full pass ever, and after keys went unrecorded: then it compares every row, which also finds writes the app
/// did not see (a legacy script writing straight into SQLite). In a single-store mode it only prunes old changed keys.
/// </summary>
public sealed class ReconcilerService(
    Reconciler reconciler,
    ReconcileWatermarks watermarks,
    ChangedKeyRecorder recorder,
    StoreModeState state,
    WriteGate gate,
    DualWriteSettings settings,
    TimeProvider clock,
    ILogger<ReconcilerService> logger) : BackgroundService
{
    private static readonly SystemUser Actor = new("system:reconciler");

    /// <summary>One pass now (full when due), when a dual-write mode is on and no cutover holds the write gate; null otherwise.</summary>
    public Task<ReconcileReport?> RunOnceAsync(CancellationToken ct = default) => RunOnceAsync(null, ct);

    /// <summary>One pass now of the kind asked for (null: a full pass when one is due, else a changed pass).</summary>
    public async Task<ReconcileReport?> RunOnceAsync(ReconcilePass? pass, CancellationToken ct = default)
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
            var report = (pass ?? await DueAsync(ct)) == ReconcilePass.Full
                ? await reconciler.ReconcileAsync(Actor, primary, secondary, ct: ct)
                : await reconciler.ReconcileChangedAsync(Actor, primary, secondary, ct: ct);
            if (report.Found > 0)
            {
                logger.LogWarning("Reconcile ({Pass}) {From} → {To}: {Found} drifted row(s) found, {Repaired} repaired", report.Pass, primary, secondary, report.Found, report.Repaired);
            }

            return report;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Reconcile {From} → {To} did not finish: {Reason}", primary, secondary, e.Message.Split('\n')[0]);
            return reconciler.RecordFailure(primary, secondary, e);
        }
    }

    /// <summary>
    /// In a single-store mode no pass runs: the keys saves record are only read by a switch's final reconcile (those
    /// since its catch-up, seconds old), so keys older than the full-pass interval are dropped.
    /// </summary>
    private async Task ForgetOldKeysAsync(CancellationToken ct)
    {
        try
        {
            await watermarks.ForgetBeforeAsync(clock.GetUtcNow().UtcDateTime - settings.FullReconcileInterval, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Old changed keys not pruned yet: {Reason}", e.Message.Split('\n')[0]);
        }
    }

    private async Task<ReconcilePass> DueAsync(CancellationToken ct)
    {
        var lastFull = (await watermarks.ReadAsync(ct))?.LastFullAt;
        var due = lastFull is not { } last
            || clock.GetUtcNow().UtcDateTime - last >= settings.FullReconcileInterval
            || recorder.LostAt >= last;
        return due ? ReconcilePass.Full : ReconcilePass.Changed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.ReconcileInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (StoreModeState.IsDualWrite(state.Mode))
                {
                    await RunOnceAsync(stoppingToken);
                }
                else
                {
                    await ForgetOldKeysAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
