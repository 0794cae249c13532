using System.Diagnostics;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Compares the two stores with the validator's canonical row hashes (by primary key) and repairs the target from the
/// source through EF: inserts what is missing, updates what differs, deletes what is extra (children first).
/// A full pass compares every row of every table; a changed pass only the keys the mirror recorded since the
/// watermark (<see cref="ReconcileWatermarks"/>), so with nothing changed it reads no table. Either pass moves the
/// watermark once its repair is in (a full pass to where it began). Quarantined ids are never touched, nor are source
/// rows that cannot be read. The same passes serve the periodic reconcile, the cutover's catch-up and final reconcile
/// and rollback's PostgreSQL → SQLite sync. One pass at a time.
/// </summary>
public sealed class Reconciler(StoreSettings settings, IStoreRouter router, QuarantineCache quarantine, MirrorLog log, ChangedKeyRecorder recorder, ReconcileWatermarks watermarks, TimeProvider clock)
{
    private const int Chunk = 500;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The last pass (for the status page and the parity gate); null before the first.</summary>
    public ReconcileReport? LastReport { get; private set; }

    /// <summary>A full pass: every row of every table. The only one that finds a write the app did not see (a legacy script).</summary>
    public Task<ReconcileReport> ReconcileAsync(ICurrentUser actor, StoreKind from, StoreKind to, IProgress<TableDrift>? progress = null, CancellationToken ct = default) =>
        PassAsync(actor, from, to, ReconcilePass.Full, progress, ct);

    /// <summary>A changed pass: only the keys recorded since the watermark, compared and repaired the same way.</summary>
    public Task<ReconcileReport> ReconcileChangedAsync(ICurrentUser actor, StoreKind from, StoreKind to, IProgress<TableDrift>? progress = null, CancellationToken ct = default) =>
        PassAsync(actor, from, to, ReconcilePass.Changed, progress, ct);

    private async Task<ReconcileReport> PassAsync(ICurrentUser actor, StoreKind from, StoreKind to, ReconcilePass pass, IProgress<TableDrift>? progress, CancellationToken ct)
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
            // Keys the mirror could not record while PostgreSQL was away go in first, so this pass sees them.
            await recorder.FlushAsync(ct);
            // Taken before any row is read: every key up to the mark belongs to a save already committed on the primary.
            var mark = await watermarks.MarkAsync(ct);
            var changed = pass == ReconcilePass.Changed ? await watermarks.ChangedAsync(mark, ct) : null;
            quarantine.Invalidate();
            var quarantined = await quarantine.GetAsync(ct);
            var compared = LegacyTables.All.Select(t => (Table: t, Diff: Comparison.None)).ToList();
            if (changed is null || changed.Count > 0)
            {
                await using var sqlite = await LegacyConnection.OpenAsync(settings.LegacyDirectory, ct: ct);
                await using var postgres = new NpgsqlConnection(settings.PostgresConnectionString);
                await postgres.OpenAsync(ct);
                for (var i = 0; i < compared.Count; i++)
                {
                    var table = compared[i].Table;
                    var reader = new LegacyRowReader(table, new Dictionary<Type, HashSet<long>>());
                    if (changed is null || changed.ContainsKey(table.TargetName))
                    {
                        var (legacy, postgresRows) = changed is null
                            ? await RowHashes.BothAsync(sqlite, postgres, reader, ct)
                            : await RowHashes.KeysAsync(sqlite, postgres, reader, changed[table.TargetName], ct);
                        compared[i] = (table, Compare(legacy, postgresRows, from, quarantined.For(table.EntityType)));
                    }
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

            var report = new ReconcileReport(from, to, startedAt, watch.ElapsedMilliseconds, tables, Pass: pass, ChangedKeys: changed?.Values.Sum(k => (long)k.Length) ?? 0);
            // A row left unrepaired is recorded again, so the next changed pass retries it rather than passing it by.
            var retry = report.InSync ? [] : compared.SelectMany(c => c.Diff.Rows.Missing.Concat(c.Diff.Rows.Different).Concat(c.Diff.Rows.Extra)
                .Select(id => (c.Table.TargetName, id))).ToList();
            await watermarks.AdvanceAsync(mark, retry, pass == ReconcilePass.Full ? startedAt : null, ct);
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

    private static Comparison Compare(LegacyHashes sqlite, IReadOnlyList<PostgresHash> postgresRows, StoreKind source, long[] quarantinedIds)
    {
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

    private sealed record Comparison(long PrimaryRows, long SecondaryRows, RowDiff Rows)
    {
        /// <summary>A table the pass did not read (no changed key in it).</summary>
        public static readonly Comparison None = new(0, 0, new RowDiff([], [], [], 0));
    }
}
