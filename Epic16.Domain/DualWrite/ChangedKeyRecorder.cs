using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Writes the keys of every save on a primary context, in every mode, into `dual_write_changed_keys` (one multi-row insert per save, after the
/// primary committed), so the incremental reconcile knows what to compare. It never fails the user's save: keys it
/// cannot write are kept (up to <see cref="MaxPending"/>) and written with the next save or the next pass, and after a
/// connection failure PostgreSQL is not tried again for <see cref="MirrorInterceptor.RetryAfter"/>. Keys kept past the
/// limit (or lost with the process) are found only by a full pass: <see cref="LostAt"/> asks the service for one.
/// </summary>
public sealed class ChangedKeyRecorder(IDbContextFactory<PlatformContext> platform, TimeProvider clock, ILogger<ChangedKeyRecorder> logger)
{
    public const int MaxPending = 100_000;

    private readonly object _lock = new();
    private readonly Queue<(string Table, long Id, DateTime At)> _pending = new();
    private DateTime _downUntil;

    /// <summary>When keys were last dropped unrecorded; a full pass that started later covers them.</summary>
    public DateTime? LostAt { get; private set; }

    /// <summary>Keys waiting to be written because PostgreSQL refused them.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>A save whose keys could not be captured: the next pass compares every row.</summary>
    public void MarkLost() => LostAt = clock.GetUtcNow().UtcDateTime;

    public Task RecordAsync(IEnumerable<(LegacyTable Table, long Id)> keys)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = keys.Select(k => (k.Table.TargetName, k.Id, now)).ToList();
        return rows.Count == 0 ? Task.CompletedTask : WriteAsync(rows, force: false, CancellationToken.None);
    }

    /// <summary>Writes the keys kept from failed attempts (a pass calls this first); true when none is left.</summary>
    public Task<bool> FlushAsync(CancellationToken ct = default) => WriteAsync([], force: true, ct);

    private async Task<bool> WriteAsync(List<(string Table, long Id, DateTime At)> rows, bool force, CancellationToken ct)
    {
        List<(string Table, long Id, DateTime At)> batch;
        lock (_lock)
        {
            if (!force && clock.GetUtcNow().UtcDateTime < _downUntil)
            {
                Keep(rows);
                return false;
            }

            batch = [.. _pending, .. rows];
            _pending.Clear();
        }

        if (batch.Count == 0)
        {
            return true;
        }

        try
        {
            await using var db = await platform.CreateDbContextAsync(ct);
            db.ChangedKeys.AddRange(batch.Select(k => new ChangedKey { TableName = k.Table, RowId = k.Id, RecordedAt = k.At }));
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            lock (_lock)
            {
                Keep(batch);
                if (DatabaseSetup.IsConnectionFailure(e))
                {
                    _downUntil = clock.GetUtcNow().UtcDateTime + MirrorInterceptor.RetryAfter;
                }
            }

            logger.LogWarning("{Count} changed key(s) not recorded yet, kept for the next attempt: {Reason}", batch.Count, e.Message.Split('\n')[0]);
            return false;
        }
    }

    private void Keep(List<(string Table, long Id, DateTime At)> rows)
    {
        foreach (var row in rows)
        {
            _pending.Enqueue(row);
        }

        while (_pending.Count > MaxPending)
        {
            _pending.Dequeue();
            LostAt = clock.GetUtcNow().UtcDateTime;
        }
    }
}
