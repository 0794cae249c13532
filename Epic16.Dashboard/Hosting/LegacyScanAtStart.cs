using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;

namespace Epic16.Dashboard.Hosting;

/// <summary>
/// While the legacy files serve the pages, read them once at start so every unreadable row is quarantined (and
/// filtered out) before anyone looks; a missing or unreadable file is logged with its name, not fatal.
/// </summary>
public sealed class LegacyScanAtStart(IServiceScopeFactory scopes, StoreModeState mode, ILogger<LegacyScanAtStart> logger) : BackgroundService
{
    private static readonly SystemUser Actor = new("system:legacy-scan");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The persisted mode: the store mode listener (registered before this service) has read it by now.
        if (mode.Mode is StoreMode.PostgresOnly)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<QuarantineScanner>().ScanAsync(Actor, stoppingToken);
            logger.LogInformation("Legacy scan: {Rows} rows read, {Quarantined} quarantined", result.Tables.Sum(t => t.Rows), result.QuarantinedRows);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("Legacy scan skipped: {Reason}", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException && DatabaseSetup.IsConnectionFailure(e))
        {
            logger.LogWarning("Legacy scan skipped: PostgreSQL unreachable ({Reason})", e.Message.Split('\n')[0]);
        }
    }
}
