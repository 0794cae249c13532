using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>Reads of the quarantine for the business pages, so they need not know the migration's row type.</summary>
public static class QuarantineQueries
{
    /// <summary>The unresolved quarantined rows of one legacy table, by legacy id: (id, column, raw value, reason).</summary>
    public static async Task<IReadOnlyList<(long LegacyId, string Column, string? RawValue, string Reason)>> UnresolvedAsync(
        PlatformContext db, string legacyTable, CancellationToken ct = default)
    {
        var rows = await db.Quarantine.AsNoTracking()
            .Where(q => q.LegacyTable == legacyTable && q.ResolvedAt == null)
            .OrderBy(q => q.LegacyId).ThenBy(q => q.ColumnName)
            .Select(q => new { q.LegacyId, q.ColumnName, q.RawValue, q.Reason })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.LegacyId, r.ColumnName, r.RawValue, r.Reason))];
    }
}
