using System.Diagnostics;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Compares the two stores table by table with the validator's canonical row hashes (by primary key) and repairs the
/// target from the source through EF: inserts what is missing, updates what differs, deletes what is extra (children
/// first). Quarantined ids are never touched, nor are source rows that cannot be read. The same pass serves the
/// periodic reconcile, the cutover's final reconcile and rollback's full PostgreSQL → SQLite sync. One pass at a time.
/// </summary>
public sealed class Reconciler(StoreSettings settings, IStoreRouter router, QuarantineCache quarantine, MirrorLog log, TimeProvider clock)
{
    private const int Chunk = 500;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The last pass (for the status page and the parity gate); null before the first.</summary>
    public ReconcileReport? LastReport { get; private set; }

    public async Task<ReconcileReport> ReconcileAsync(ICurrentUser actor, StoreKind from, StoreKind to, IProgress<TableDrift>? progress = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        if (from == to)
        {
            throw new ArgumentException("A reconcile needs two different stores.", nameof(to));
        }

        await _oneAtATime.WaitAsync(ct);
        try
        {
            var startedAt = clock.GetUtcNow().UtcDateTime;
            var watch = Stopwatch.StartNew();
            quarantine.Invalidate();
            var quarantined = await quarantine.GetAsync(ct);
            var compared = new List<(LegacyTable Table, Comparison Diff)>();
            await using (var sqlite = await LegacyConnection.OpenAsync(settings.LegacyDirectory, ct: ct))
            await using (var postgres = new NpgsqlConnection(settings.PostgresConnectionString))
            {
                await postgres.OpenAsync(ct);
                foreach (var table in LegacyTables.All)
                {
                    compared.Add((table, await CompareAsync(sqlite, postgres, table, from, quarantined.For(table.EntityType), ct)));
                }
            }

            var repaired = compared.ToDictionary(c => c.Table, _ => 0L);
            foreach (var (table, diff) in compared)
            {
                repaired[table] += await UpsertAsync(table, from, to, diff, ct);
            }

            foreach (var (table, diff) in Enumerable.Reverse(compared))
            {
                repaired[table] += await DeleteAsync(table, to, diff.Rows.Extra, ct);
            }

            var tables = compared.Select(c => new TableDrift(c.Table.TargetName, c.Diff.PrimaryRows, c.Diff.SecondaryRows,
                c.Diff.Rows.Missing.Count, c.Diff.Rows.Different.Count, c.Diff.Rows.Extra.Count, repaired[c.Table], c.Diff.Rows.Skipped)).ToList();
            foreach (var table in tables)
            {
                progress?.Report(table);
            }

            var report = new ReconcileReport(from, to, startedAt, watch.ElapsedMilliseconds, tables);
            log.RecordDrift(report.Found, report.Repaired);
            LastReport = report;
            return report;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Records a pass that could not finish (a store unreachable) so the page shows it; the next pass tries again.</summary>
    public ReconcileReport RecordFailure(StoreKind from, StoreKind to, Exception e)
    {
        var report = new ReconcileReport(from, to, clock.GetUtcNow().UtcDateTime, 0, LastReport?.Tables ?? [], e.Message.Split('\n')[0]);
        LastReport = report;
        return report;
    }

    private static async Task<Comparison> CompareAsync(SqliteConnection sqliteConnection, NpgsqlConnection postgresConnection, LegacyTable table, StoreKind source, long[] quarantinedIds, CancellationToken ct)
    {
        var (sqlite, postgresRows) = await RowHashes.BothAsync(sqliteConnection, postgresConnection, new LegacyRowReader(table, new Dictionary<Type, HashSet<long>>()), ct);
        var postgres = postgresRows.ToDictionary(r => r.Id, r => r.Hash);
        var skip = new HashSet<long>(quarantinedIds);
        if (source == StoreKind.Sqlite)
        {
            // A source row that cannot be read cannot be copied: left alone until the quarantine has it.
            skip.UnionWith(sqlite.Unreadable);
            return new Comparison(sqlite.Hashes.Count, postgres.Count, RowHashes.Compare(sqlite.Hashes, postgres, skip));
        }

        // A legacy row that cannot be read is there but not equal: overwritten from PostgreSQL, or deleted as extra.
        return new Comparison(postgres.Count, sqlite.Hashes.Count, RowHashes.Compare(postgres, sqlite.Hashes, skip, sqlite.Unreadable));
    }

    private async Task<long> UpsertAsync(LegacyTable table, StoreKind from, StoreKind to, Comparison diff, CancellationToken ct)
    {
        var missing = diff.Rows.Missing.ToHashSet();
        long repaired = 0;
        foreach (var chunk in diff.Rows.Missing.Concat(diff.Rows.Different).Chunk(Chunk))
        {
            List<RowImage> images;
            await using (var source = await router.CreateBackgroundContextAsync(from, ct))
            {
                images = [.. (await LoadAsync(source, table.EntityType, chunk, ct)).Select(row => RowImage.Loaded(table, source, row, exists: !missing.Contains(IdOf(source, row))))];
            }

            try
            {
                await using var target = await router.CreateBackgroundContextAsync(to, ct);
                repaired += await RowWriter.WriteAsync(target, images, ct);
            }
            catch (DbUpdateException)
            {
                // A user's write (and its mirror) raced this pass: row by row, each as the target holds it now.
                repaired += (await RowWriter.UpsertOneByOneAsync(c => router.CreateBackgroundContextAsync(to, c), images, ct)).Written;
            }
        }

        return repaired;
    }

    private async Task<long> DeleteAsync(LegacyTable table, StoreKind to, IReadOnlyList<long> extra, CancellationToken ct)
    {
        long repaired = 0;
        foreach (var chunk in extra.Chunk(Chunk))
        {
            try
            {
                repaired += await DeleteRowsAsync(table, to, chunk, ct);
            }
            catch (DbUpdateException)
            {
                // Some were deleted meanwhile (a mirrored delete): one by one, and a row already gone counts as done.
                foreach (var id in chunk)
                {
                    try
                    {
                        repaired += await DeleteRowsAsync(table, to, [id], ct);
                    }
                    catch (DbUpdateConcurrencyException)
                    {
                        repaired++;
                    }
                    catch (DbUpdateException)
                    {
                        // Left for the next pass.
                    }
                }
            }
        }

        return repaired;
    }

    private async Task<int> DeleteRowsAsync(LegacyTable table, StoreKind to, long[] ids, CancellationToken ct)
    {
        await using var target = await router.CreateBackgroundContextAsync(to, ct);
        return await RowWriter.WriteAsync(target, ids.Select(id => RowImage.Deleted(table, id)), ct);
    }

    private static long IdOf(DbContext db, object row) => (long)db.Entry(row).Property("Id").CurrentValue!;

    private static Task<List<object>> LoadAsync(Epic16Context db, Type entityType, long[] ids, CancellationToken ct) =>
        (Task<List<object>>)typeof(Reconciler).GetMethod(nameof(LoadTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType).Invoke(null, [db, ids, ct])!;

    private static async Task<List<object>> LoadTypedAsync<T>(Epic16Context db, long[] ids, CancellationToken ct)
        where T : class =>
        [.. await db.Set<T>().AsNoTracking().Where(e => ids.Contains(EF.Property<long>(e, "Id"))).ToListAsync(ct)];

    private sealed record Comparison(long PrimaryRows, long SecondaryRows, RowDiff Rows);
}
