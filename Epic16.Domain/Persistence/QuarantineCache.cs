using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>
/// The unresolved quarantine, as ids per entity type, read from PostgreSQL and kept for a short while
/// (other instances may change it); cleared at once when this instance changes it. While PostgreSQL cannot be
/// reached the last set read keeps being served, so SQLite-primary modes go on working through an outage.
/// </summary>
public sealed class QuarantineCache(IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (QuarantinedIds Ids, DateTimeOffset At)? _current;

    public async Task<QuarantinedIds> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } fresh && clock.GetUtcNow() - fresh.At < Lifetime)
        {
            return fresh.Ids;
        }

        await _gate.WaitAsync(ct);
        try
        {
            List<(string LegacyTable, long LegacyId)> rows;
            try
            {
                rows = await ReadAsync(ct);
            }
            catch (Exception e) when (_current is { } stale && DatabaseSetup.IsConnectionFailure(e))
            {
                return stale.Ids;
            }

            var ids = rows
                .Where(r => LegacyTables.EntityTypeOf(r.LegacyTable) is not null)
                .GroupBy(r => LegacyTables.EntityTypeOf(r.LegacyTable)!)
                .ToDictionary(g => g.Key, g => g.Select(r => r.LegacyId).Order().ToArray());
            var result = new QuarantinedIds(ids);
            _current = (result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _current = _current is { } known ? (known.Ids, DateTimeOffset.MinValue) : null;

    private async Task<List<(string LegacyTable, long LegacyId)>> ReadAsync(CancellationToken ct)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var rows = await db.Quarantine.AsNoTracking()
            .Where(q => q.ResolvedAt == null)
            .Select(q => new { q.LegacyTable, q.LegacyId })
            .Distinct()
            .ToListAsync(ct);
        return rows.Select(r => (r.LegacyTable, r.LegacyId)).ToList();
    }
}
