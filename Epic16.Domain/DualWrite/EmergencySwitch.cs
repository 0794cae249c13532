using Epic16.Domain.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Epic16.Domain.Persistence;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// At start: reads the persisted mode into this instance, and when `EPIC16_POSTGRESQL_ONLY=false` is set and
/// PostgreSQL is the primary, goes back to DualWriteSqlitePrimary the way a rollback does (PostgreSQL synced into
/// SQLite first), logs it, and marks the mode as forced (<see cref="StoreModeSnapshot.ForcedByEmergencySwitch"/>).
/// A switch that fails does not stop the app from starting: the mode stays as it was, the failure is logged, audited
/// and kept in <see cref="Failure"/> for the status page, and an admin acts (roll back by hand once the cause is fixed).
/// </summary>
public sealed class EmergencySwitch(IServiceScopeFactory scopes, DualWriteSettings settings, StoreModeState state, ILogger<EmergencySwitch> logger)
{
    public static readonly SystemUser Actor = new("system:emergency-switch");

    /// <summary>Why the emergency switch at start failed (null when it did not run or succeeded).</summary>
    public string? Failure { get; private set; }

    public async Task ApplyAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cutover = scope.ServiceProvider.GetRequiredService<CutoverController>();
        await cutover.LoadModeAsync(ct);
        if (!settings.EmergencySqlitePrimary)
        {
            return;
        }

        var from = state.Mode;
        CutoverResult? result;
        try
        {
            result = await cutover.ForceSqlitePrimaryAsync(Actor, $"{DualWriteSettings.EmergencyVariable}=false at start", ct: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Failure = $"{DualWriteSettings.EmergencyVariable}=false: the switch from {from} to SQLite primary failed ({e.GetType().Name}: {e.Message.Split('\n')[0]}). The mode stays {from}.";
            logger.LogError(e, "Emergency switch failed at start; the app starts in {Mode}", from);
            await RecordFailureAsync(scope.ServiceProvider, ct);
            return;
        }

        if (result is null)
        {
            logger.LogWarning("{Variable}=false is set; the mode is already SQLite-primary ({Mode})", DualWriteSettings.EmergencyVariable, from);
            return;
        }

        logger.LogWarning("Emergency switch {Variable}=false: {From} → {To} after syncing PostgreSQL into SQLite ({Repaired} row(s) copied), writes paused {Pause} ms",
            DualWriteSettings.EmergencyVariable, result.From, result.To, result.FinalReconcile?.Repaired, (long)result.Pause.TotalMilliseconds);
    }

    private async Task RecordFailureAsync(IServiceProvider services, CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<Auditing.AuditLog>().RecordAsync(Actor, "storemode.emergency.failed", details: Failure, ct: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The failed emergency switch could not be audited");
        }
    }
}
