using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// The reconciler's side of `dual_write_changed_keys`: where the last pass stopped (the watermark, persisted, so a
/// restarted or another instance goes on from there), the keys recorded since, and, once a pass's repair is in,
/// the watermark moved forward and the keys it passed pruned.
/// </summary>
public sealed class ReconcileWatermarks(IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    /// <summary>
    /// The newest key a pass may take as its end. Read under a brief EXCLUSIVE lock, which waits for every insert that
    /// has drawn a sequence number but not committed: no key at or below the mark can appear after it is read.
    /// </summary>
    public async Task<long> MarkAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE dual_write_changed_keys IN EXCLUSIVE MODE", ct);
        var newest = await db.ChangedKeys.MaxAsync(k => (long?)k.Seq, ct) ?? 0;
        var watermark = await WatermarkAsync(db, ct);
        await transaction.CommitAsync(ct);
        return Math.Max(newest, watermark?.Seq ?? 0);
    }

    /// <summary>The last pass's watermark and when the last full pass began; null before the first pass.</summary>
    public async Task<ReconcileWatermark?> ReadAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await WatermarkAsync(db, ct);
    }

    /// <summary>The distinct keys recorded after the watermark up to <paramref name="mark"/>, per table name.</summary>
    public async Task<IReadOnlyDictionary<string, long[]>> ChangedAsync(long mark, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var from = (await WatermarkAsync(db, ct))?.Seq ?? 0;
        var keys = await db.ChangedKeys.AsNoTracking().Where(k => k.Seq > from && k.Seq <= mark)
            .Select(k => new { k.TableName, k.RowId }).Distinct().ToListAsync(ct);
        return keys.GroupBy(k => k.TableName).ToDictionary(g => g.Key, g => g.Select(k => k.RowId).Order().ToArray());
    }

    /// <summary>
    /// After a pass's repair committed: the keys it left unrepaired recorded again (so the next pass retries them),
    /// the watermark moved to <paramref name="mark"/> (never back), and every key at or below it pruned, in one transaction.
    /// A full pass also records when it began.
    /// </summary>
    public async Task AdvanceAsync(long mark, IReadOnlyCollection<(string Table, long Id)> retry, DateTime? fullPassStartedAt, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await platform.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ChangedKeys.AddRange(retry.Select(k => new ChangedKey { TableName = k.Table, RowId = k.Id, RecordedAt = now }));
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO dual_write_reconcile_watermarks (name, seq, last_full_at, updated_at)
            VALUES ({ReconcileWatermark.Reconcile}, {mark}, {fullPassStartedAt}, {now})
            ON CONFLICT (name) DO UPDATE SET
                seq = GREATEST(dual_write_reconcile_watermarks.seq, excluded.seq),
                last_full_at = GREATEST(dual_write_reconcile_watermarks.last_full_at, excluded.last_full_at),
                updated_at = excluded.updated_at
            """, ct);
        var watermark = (await WatermarkAsync(db, ct))!.Seq;
        // Raw SQL on its own control table (no mirror follows it): the bypass scan allows ExecuteDelete on none.
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM dual_write_changed_keys WHERE seq <= {watermark}", ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Drops the keys recorded before <paramref name="before"/> (a single-store mode's pruning); how many went.</summary>
    public async Task<int> ForgetBeforeAsync(DateTime before, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        // Raw SQL on its own control table, as in AdvanceAsync.
        return await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM dual_write_changed_keys WHERE recorded_at < {before}", ct);
    }

    private static Task<ReconcileWatermark?> WatermarkAsync(PlatformContext db, CancellationToken ct) =>
        db.ReconcileWatermarks.AsNoTracking().SingleOrDefaultAsync(w => w.Name == ReconcileWatermark.Reconcile, ct);
}
