using System.Diagnostics;
using System.Runtime.CompilerServices;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// On every primary context the router hands out: each save passes the <see cref="WriteGate"/>; in the two dual-write
/// modes the changed rows are captured before the save (original key for deletes) and replayed after it commits onto
/// a new context of the other store (same ids). A replay failure never fails the user's save: it is recorded in the
/// <see cref="MirrorLog"/> and the reconciler heals it. Rows quarantined on the other side are never written.
/// Beside the replay, the saved rows' keys go to the <see cref="ChangedKeyRecorder"/> (replayed or not, in every mode),
/// so the next changed-keys reconcile compares them; both finish before the save leaves the write gate, so a
/// cutover's drain leaves no key unrecorded.
/// </summary>
public sealed class MirrorInterceptor(
    StoreModeState state,
    WriteGate gate,
    MirrorLog log,
    QuarantineCache quarantine,
    SequenceControl sequences,
    Func<StoreKind, CancellationToken, Task<Epic16Context>> secondaryContext,
    ChangedKeyRecorder changedKeys,
    TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>After a connection failure the secondary is not tried again for this long (saves would wait for its timeout).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];
    private readonly Dictionary<StoreKind, DateTime> _downUntil = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is Epic16Context db)
        {
            await gate.EnterAsync(cancellationToken);
            try
            {
                _pending.AddOrUpdate(db, await CaptureAsync(db, cancellationToken));
            }
            catch
            {
                gate.Exit();
                throw;
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            try
            {
                // The primary has committed, so a pass that reads these keys sees the rows as saved; recorded while
                // the replay runs, its round trip adds little to the save's time.
                var keys = KeysOf(pending);
                await Task.WhenAll(ReplayAsync(db, pending), changedKeys.RecordAsync(keys));
            }
            finally
            {
                gate.Exit();
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private void Abandon(DbContext? db)
    {
        if (db is not null && _pending.TryGetValue(db, out _))
        {
            _pending.Remove(db);
            gate.Exit();
        }
    }

    private async Task<Pending> CaptureAsync(Epic16Context db, CancellationToken ct)
    {
        var mode = state.Mode;
        var primary = StoreModeState.PrimaryOf(mode);
        // A context made before a switch of primary still writes where it was opened; the other store gets the mirror.
        StoreKind? mirrorTo = StoreModeState.IsDualWrite(mode) || db.Store != primary ? StoreModeState.Other(db.Store) : null;
        // Captured in a single-store mode too: nothing is replayed, but the keys are recorded, so a switch's final
        // reconcile compares only what changed since its catch-up.
        var entries = new List<Captured>();
        try
        {
            db.ChangeTracker.DetectChanges();
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || LegacyTables.All.FirstOrDefault(t => t.EntityType == entry.Metadata.ClrType) is not { } table)
                {
                    continue;
                }

                var modified = entry.State == EntityState.Modified ? entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList() : [];
                entries.Add(new Captured(table, entry.State, entry, modified, entry.State == EntityState.Deleted ? RowImage.Deleted(table, entry) : null));
            }

            if (db.Store != primary)
            {
                await ReserveIdsAsync(primary, entries, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Neither replayed nor recorded: the next pass compares every row.
            changedKeys.MarkLost();
            if (mirrorTo is { } secondary)
            {
                log.RecordFailure(secondary, Tables(entries), entries.Count, $"capture failed: {FirstLine(e)}", TimeSpan.Zero);
            }

            return new Pending(null, [], Stopwatch.StartNew());
        }

        return new Pending(mirrorTo, entries, Stopwatch.StartNew());
    }

    /// <summary>New rows saved through a stale context take their ids from the current primary, so neither store reuses them.</summary>
    private async Task ReserveIdsAsync(StoreKind primary, List<Captured> entries, CancellationToken ct)
    {
        foreach (var group in entries.Where(e => e.State == EntityState.Added && e.Entry.Property("Id").IsTemporary).GroupBy(e => e.Table))
        {
            var ids = await sequences.ReserveAsync(primary, group.Key, group.Count(), ct);
            foreach (var (captured, id) in group.Zip(ids))
            {
                var key = captured.Entry.Property("Id");
                key.CurrentValue = id;
                key.IsTemporary = false;
            }
        }
    }

    private async Task ReplayAsync(DbContext db, Pending pending)
    {
        if (pending.Secondary is not { } secondary || pending.Entries.Count == 0)
        {
            return;
        }

        var primaryElapsed = pending.Clock.Elapsed;
        var tables = Tables(pending.Entries);
        if (IsDown(secondary))
        {
            log.RecordFailure(secondary, tables, pending.Entries.Count, $"{secondary} unavailable since a recent failure; left to the reconciler", primaryElapsed);
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var ids = await quarantine.GetAsync(CancellationToken.None);
            var images = pending.Entries.Select(c => c.Image ?? RowImage.Current(c.Table, c.State, c.Entry, c.Modified)).ToList();
            var allowed = images.Where(i => !ids.For(i.Table.EntityType).Contains(i.Id)).ToList();
            await using var target = await secondaryContext(secondary, CancellationToken.None);
            await RowWriter.WriteAsync(target, allowed);
            log.RecordSuccess(primaryElapsed, clock.Elapsed, images.Count - allowed.Count);
        }
        catch (DbUpdateException e) when (!DatabaseSetup.IsConnectionFailure(e))
        {
            // Usually the reconciler got there first (a pass racing this save): replay row by row as upserts.
            var ids = await quarantine.GetAsync(CancellationToken.None);
            var (_, left) = await RowWriter.UpsertOneByOneAsync(ct => secondaryContext(secondary, ct), pending.Entries
                .Select(c => c.Image ?? RowImage.Current(c.Table, c.State, c.Entry, c.Modified))
                .Where(i => !ids.For(i.Table.EntityType).Contains(i.Id)).ToList());
            if (left == 0)
            {
                log.RecordSuccess(primaryElapsed, clock.Elapsed);
            }
            else
            {
                log.RecordFailure(secondary, tables, left, FirstLine(e), primaryElapsed, clock.Elapsed);
            }
        }
        catch (Exception e)
        {
            if (DatabaseSetup.IsConnectionFailure(e))
            {
                lock (_downUntil)
                {
                    _downUntil[secondary] = Now() + RetryAfter;
                }
            }

            log.RecordFailure(secondary, tables, pending.Entries.Count, FirstLine(e), primaryElapsed, clock.Elapsed);
        }
    }

    private static List<(LegacyTable Table, long Id)> KeysOf(Pending pending) =>
        [.. pending.Entries.Select(c => (c.Table, c.Image?.Id ?? (long)c.Entry.Property("Id").CurrentValue!))];

    private bool IsDown(StoreKind store)
    {
        lock (_downUntil)
        {
            return _downUntil.TryGetValue(store, out var until) && Now() < until;
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Tables(IEnumerable<Captured> entries) => string.Join(",", entries.Select(e => e.Table.TargetName).Distinct());

    private static string FirstLine(Exception e)
    {
        var inner = e.InnerException is { } i ? $" ({i.Message.Split('\n')[0].Trim()})" : "";
        return e.Message.Split('\n')[0].Trim() + inner;
    }

    private sealed record Captured(LegacyTable Table, EntityState State, EntityEntry Entry, IReadOnlyList<string> Modified, RowImage? Image);

    private sealed record Pending(StoreKind? Secondary, IReadOnlyList<Captured> Entries, Stopwatch Clock);
}
