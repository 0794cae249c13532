using Epic16.Domain.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Epic16.Domain.Persistence;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// At start: reads the persisted mode into this instance, and when `EPIC16_POSTGRESQL_ONLY=false` is set and
/// PostgreSQL is the primary, goes back to DualWriteSqlitePrimary the way a rollback does (PostgreSQL synced into
/// SQLite first), logs it, and marks the mode as forced (<see cref="StoreModeSnapshot.ForcedByEmergencySwitch"/>).
/// </summary>
public sealed class EmergencySwitch(IServiceScopeFactory scopes, DualWriteSettings settings, StoreModeState state, ILogger<EmergencySwitch> logger)
{
    public static readonly SystemUser Actor = new("system:emergency-switch");

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
        var result = await cutover.ForceSqlitePrimaryAsync(Actor, $"{DualWriteSettings.EmergencyVariable}=false at start", ct: ct);
        if (result is null)
        {
            logger.LogWarning("{Variable}=false is set; the mode is already SQLite-primary ({Mode})", DualWriteSettings.EmergencyVariable, from);
            return;
        }

        logger.LogWarning("Emergency switch {Variable}=false: {From} → {To} after syncing PostgreSQL into SQLite ({Repaired} row(s) copied), writes paused {Pause} ms",
            DualWriteSettings.EmergencyVariable, result.From, result.To, result.FinalReconcile?.Repaired, (long)result.Pause.TotalMilliseconds);
    }
}
