using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Epic16.Dashboard.Hosting;

/// <summary>`/healthz`: reports PostgreSQL unhealthy with a reason instead of letting a page fail later.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PlatformContext> platform) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await platform.CreateDbContextAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            // A real round trip first: EF reports a missing database as "no migrations applied", not as an error.
            await db.Database.OpenConnectionAsync(timeout.Token);
            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy($"PostgreSQL {BusinessCoreConnection.Describe(db.Database.GetConnectionString()!)} reachable, schema up to date")
                : HealthCheckResult.Degraded($"{pending} schema migration(s) pending: run `db migrate`");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL unreachable: {e.Message.Split('\n')[0]}");
        }
    }
}
