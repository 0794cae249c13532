using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Epic16.Dashboard.Hosting;

/// <summary>
/// `/healthz`: the three legacy SQLite files while the mode reads or writes them (every mode but PostgresOnly): present,
/// SQLite, holding their tables and not write-locked. Each file's probe waits at most a second for a lock, and the whole
/// check gives up after <see cref="Timeout"/>, so a locked file reports Unhealthy at once instead of hanging like a page.
/// </summary>
public sealed class LegacyStoreHealthCheck(StoreModeState mode, StoreSettings settings) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var current = mode.Mode;
        if (current == StoreMode.PostgresOnly)
        {
            return HealthCheckResult.Healthy($"not used in {current}");
        }

        try
        {
            await Task.Run(() => LegacyStore.EnsureReadable(settings.LegacyDirectory), ct).WaitAsync(Timeout, ct);
            return HealthCheckResult.Healthy($"legacy files readable in {settings.LegacyDirectory} ({current})");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"legacy files in {settings.LegacyDirectory} did not answer within {Timeout.TotalSeconds:N0} s ({current})");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{e.Message.Split('\n')[0]} ({current})");
        }
    }
}
