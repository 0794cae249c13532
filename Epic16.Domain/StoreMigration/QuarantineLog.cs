using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Domain.StoreMigration;

/// <summary>Writes what a scan or a migration found unreadable into `migration_quarantine`, for the tables it looked at.</summary>
public sealed class QuarantineLog(IDbContextFactory<PlatformContext> platform, QuarantineCache cache, TimeProvider clock)
{
    /// <summary>
    /// Adds new rejections (keeping first_seen_at of known ones), and releases unresolved entries of the
    /// <paramref name="tables"/> that no longer fail. Returns (added, released).
    /// </summary>
    public async Task<(int Added, int Released)> RecordAsync(IReadOnlyCollection<string> tables, IReadOnlyList<(string Table, long Id, Rejection Rejection)> found, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await platform.CreateDbContextAsync(ct);
        var existing = await db.Quarantine.Where(q => tables.Contains(q.LegacyTable)).ToDictionaryAsync(q => (q.LegacyTable, q.LegacyId, q.ColumnName), ct);
        var seen = new HashSet<(string, long, string)>();
        var added = 0;
        foreach (var (table, id, rejection) in found)
        {
            var key = (table, id, rejection.Column);
            if (!seen.Add(key))
            {
                continue;
            }

            if (existing.TryGetValue(key, out var row))
            {
                row.RawValue = Storable(rejection.RawValue);
                row.Reason = rejection.Reason;
                row.ResolvedAt = null;
                row.ResolvedBy = null;
                continue;
            }

            db.Quarantine.Add(new QuarantinedRow
            {
                LegacyTable = table,
                LegacyId = id,
                ColumnName = rejection.Column,
                RawValue = Storable(rejection.RawValue),
                Reason = rejection.Reason,
                FirstSeenAt = now,
            });
            added++;
        }

        var released = 0;
        foreach (var stale in existing.Values.Where(q => q.ResolvedAt is null && !seen.Contains((q.LegacyTable, q.LegacyId, q.ColumnName))))
        {
            stale.ResolvedAt = now;
            stale.ResolvedBy = "the value now converts";
            released++;
        }

        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return (added, released);
    }

    /// <summary>How many legacy rows (not column entries) are quarantined and unresolved, per legacy table.</summary>
    public async Task<Dictionary<string, long>> OpenRowsPerTableAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.Quarantine.Where(q => q.ResolvedAt == null)
            .GroupBy(q => q.LegacyTable)
            .Select(g => new { Table = g.Key, Rows = g.Select(q => q.LegacyId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Table, g => (long)g.Rows, ct);
    }

    // PostgreSQL text cannot hold U+0000: keep the raw value readable and visibly escaped.
    private static string? Storable(string? raw) => raw?.Replace("\0", "\\u0000", StringComparison.Ordinal);
}
