using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Auditing;

public sealed class AuditLog(IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    public async Task RecordAsync(ICurrentUser actor, string action, string? target = null, string? reason = null, string? details = null, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Actor = actor.Name,
            Action = action,
            Target = target,
            Reason = reason,
            Details = details,
        });
        await db.SaveChangesAsync(ct);
    }

    internal async Task<IReadOnlyList<AuditEntry>> LatestAsync(int count = 50, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(count).ToListAsync(ct);
    }
}
