using System.Diagnostics;
using Epic16.Domain.Persistence;
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

    public async Task<ReconcileReport> ReconcileAsync(StoreKind from, StoreKind to, IProgress<TableDrift>? progress = null, CancellationToken ct = default)
    {
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
                repaired[table] += await DeleteAsync(table, to, diff.Extra, ct);
            }

            var tables = compared.Select(c => new TableDrift(c.Table.TargetName, c.Diff.PrimaryRows, c.Diff.SecondaryRows,
                c.Diff.Missing.Count, c.Diff.Different.Count, c.Diff.Extra.Count, repaired[c.Table], c.Diff.Skipped)).ToList();
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
        // Both sides read and hashed at the same time, each on its own connection.
        var sqliteSide = Task.Run(() => HashSqliteAsync(sqliteConnection, table, ct), ct);
        var postgresSide = Task.Run(() => HashPostgresAsync(postgresConnection, table, ct), ct);
        var (sqlite, unreadable) = await sqliteSide;
        var postgres = await postgresSide;
        var skip = new HashSet<long>(quarantinedIds);
        var (primary, secondary) = source == StoreKind.Sqlite ? (sqlite, postgres) : (postgres, sqlite);
        if (source == StoreKind.Sqlite)
        {
            // A source row that cannot be read cannot be copied: left alone until the quarantine has it.
            skip.UnionWith(unreadable);
        }

        var missing = new List<long>();
        var different = new List<long>();
        var extra = new List<long>();
        long skipped = 0;
        foreach (var (id, hash) in primary)
        {
            if (skip.Contains(id))
            {
                skipped++;
            }
            else if (!secondary.TryGetValue(id, out var other))
            {
                (source == StoreKind.Postgres && unreadable.Contains(id) ? different : missing).Add(id);
            }
            else if (other != hash)
            {
                different.Add(id);
            }
        }

        var secondaryIds = source == StoreKind.Postgres ? secondary.Keys.Concat(unreadable) : secondary.Keys;
        extra.AddRange(secondaryIds.Where(id => !primary.ContainsKey(id) && !skip.Contains(id)));
        return new Comparison(primary.Count, secondary.Count, missing, different, extra, skipped);
    }

    private static async Task<(Dictionary<long, UInt128> Hashes, HashSet<long> Unreadable)> HashSqliteAsync(SqliteConnection sqlite, LegacyTable table, CancellationToken ct)
    {
        var reader = new LegacyRowReader(table, new Dictionary<Type, HashSet<long>>());
        var hashes = new Dictionary<long, UInt128>();
        var unreadable = new HashSet<long>();
        await foreach (var row in reader.ReadAheadAsync(sqlite, ct))
        {
            if (row.Ok)
            {
                hashes[row.Id] = RowCanon.Hash(table.Properties, row.Values);
            }
            else
            {
                unreadable.Add(row.Id);
            }
        }

        return (hashes, unreadable);
    }

    private static async Task<Dictionary<long, UInt128>> HashPostgresAsync(NpgsqlConnection postgres, LegacyTable table, CancellationToken ct)
    {
        var rows = await ParityValidator.HashPostgresAsync(postgres, table, ct);
        return rows.ToDictionary(r => r.Id, r => r.Hash);
    }

    private async Task<long> UpsertAsync(LegacyTable table, StoreKind from, StoreKind to, Comparison diff, CancellationToken ct)
    {
        var missing = diff.Missing.ToHashSet();
        long repaired = 0;
        foreach (var chunk in diff.Missing.Concat(diff.Different).Chunk(Chunk))
        {
            List<object> rows;
            await using (var source = await router.CreateBackgroundContextAsync(from, ct))
            {
                rows = await LoadAsync(source, table.EntityType, chunk, ct);
            }

            try
            {
                await using var target = await router.CreateBackgroundContextAsync(to, ct);
                foreach (var row in rows)
                {
                    target.Entry(row).State = missing.Contains(IdOf(target, row)) ? EntityState.Added : EntityState.Modified;
                }

                repaired += await target.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A user's write (and its mirror) raced this pass: row by row, each as the target holds it now.
                repaired += await UpsertOneByOneAsync(table, to, rows, ct);
            }
        }

        return repaired;
    }

    private async Task<long> UpsertOneByOneAsync(LegacyTable table, StoreKind to, List<object> rows, CancellationToken ct)
    {
        long repaired = 0;
        foreach (var row in rows)
        {
            try
            {
                await using var target = await router.CreateBackgroundContextAsync(to, ct);
                var id = IdOf(target, row);
                var exists = await ExistsAsync(target, table.EntityType, id, ct);
                target.Entry(row).State = exists ? EntityState.Modified : EntityState.Added;
                repaired += await target.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Left for the next pass.
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
        foreach (var id in ids)
        {
            var entry = target.Entry(Activator.CreateInstance(table.EntityType)!);
            entry.Property("Id").CurrentValue = id;
            entry.State = EntityState.Deleted;
        }

        return await target.SaveChangesAsync(ct);
    }

    private static long IdOf(DbContext db, object row) => (long)db.Entry(row).Property("Id").CurrentValue!;

    private static Task<bool> ExistsAsync(Epic16Context db, Type entityType, long id, CancellationToken ct) =>
        (Task<bool>)typeof(Reconciler).GetMethod(nameof(ExistsTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType).Invoke(null, [db, id, ct])!;

    private static Task<bool> ExistsTypedAsync<T>(Epic16Context db, long id, CancellationToken ct)
        where T : class =>
        db.Set<T>().IgnoreQueryFilters().AnyAsync(e => EF.Property<long>(e, "Id") == id, ct);

    private static Task<List<object>> LoadAsync(Epic16Context db, Type entityType, long[] ids, CancellationToken ct) =>
        (Task<List<object>>)typeof(Reconciler).GetMethod(nameof(LoadTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType).Invoke(null, [db, ids, ct])!;

    private static async Task<List<object>> LoadTypedAsync<T>(Epic16Context db, long[] ids, CancellationToken ct)
        where T : class =>
        [.. await db.Set<T>().AsNoTracking().Where(e => ids.Contains(EF.Property<long>(e, "Id"))).ToListAsync(ct)];

    private sealed record Comparison(long PrimaryRows, long SecondaryRows, List<long> Missing, List<long> Different, List<long> Extra, long Skipped);
}
