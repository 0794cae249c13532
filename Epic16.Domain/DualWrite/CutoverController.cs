using System.Diagnostics;
using Epic16.Domain.Auditing;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Moves the store mode one step forward (Admin, the target's name typed, a reason, every gate green) or one step back
/// (Admin, a reason, at any time). Both catch the other store up first, then pause writes on every instance
/// (<see cref="WriteGateBroadcast"/>, kept alive by heartbeats; the switch stops, nothing changed, when an instance's
/// pause could lapse before the mode is persisted), drain the saves in flight,
/// run a final reconcile from the old primary (only the keys changed since the catch-up, a full pass outside the pause;
/// every row when the catch-up failed or keys went unrecorded since it began), switch and persist the mode (NOTIFY to every instance), move the id
/// counters past the largest id on either side, resume writes and audit who, why, the figures and the measured pause.
/// </summary>
public sealed class CutoverController(
    CutoverGates gates,
    StoreModes modes,
    StoreModeState state,
    WriteGate gate,
    WriteGateBroadcast others,
    Reconciler reconciler,
    ChangedKeyRecorder changedKeys,
    SequenceControl sequences,
    AuditLog audit,
    IDbContextFactory<PlatformContext> platform)
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);
    private const int Steps = 6;

    public StoreMode Mode => state.Mode;

    public static StoreMode? Next(StoreMode mode) => mode == StoreMode.PostgresOnly ? null : mode + 1;

    public static StoreMode? Previous(StoreMode mode) => mode == StoreMode.SqliteOnly ? null : mode - 1;

    public Task<IReadOnlyList<CutoverGate>> GatesAsync(StoreMode target, CancellationToken ct = default) => gates.EvaluateAsync(target, ct);

    /// <summary>Reads the persisted mode into this instance (seeding it, with today's figures, from `Store:Mode` when the table is empty).</summary>
    public Task<StoreModeChange> LoadModeAsync(CancellationToken ct = default) => modes.LoadAsync(gates.FiguresAsync, ct);

    public async Task<CutoverResult> MoveForwardAsync(ICurrentUser user, StoreMode target, string typedConfirmation, string reason, IProgress<CutoverProgress>? progress = null, CancellationToken ct = default)
    {
        await DemandAsync(user, $"{state.Mode} → {target}", ct);
        reason = RequireReason(reason);
        var from = state.Mode;
        if (Next(from) != target)
        {
            throw new ArgumentException($"From {from} the next mode is {Next(from)?.ToString() ?? "none (already the last)"}, not {target}.");
        }

        if (!string.Equals(typedConfirmation?.Trim(), target.ToString(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"Type the target mode's name, {target}, to confirm.");
        }

        var checks = await gates.EvaluateAsync(target, ct);
        if (checks.Where(g => !g.Ok).ToList() is { Count: > 0 } red)
        {
            var refusal = $"Cutover to {target} refused: {string.Join("; ", red.Select(g => $"{g.Name}: {g.Figure}"))}.";
            await audit.RecordAsync(user, "storemode.refused", $"{from} → {target}", reason, refusal, ct);
            throw new CutoverRefusedException(refusal, checks);
        }

        return await SwitchAsync(user, from, target, reason, "storemode.forward", emergency: false, progress, ct);
    }

    public async Task<CutoverResult> RollbackAsync(ICurrentUser user, string reason, IProgress<CutoverProgress>? progress = null, CancellationToken ct = default)
    {
        await DemandAsync(user, $"{state.Mode} → {Previous(state.Mode)?.ToString() ?? "none"}", ct);
        reason = RequireReason(reason);
        var from = state.Mode;
        var target = Previous(from) ?? throw new InvalidOperationException($"{from} is the first mode: there is nothing to roll back to.");
        return await SwitchAsync(user, from, target, reason, "storemode.rollback", emergency: false, progress, ct);
    }

    /// <summary>The emergency switch: from a PostgreSQL-primary mode straight back to DualWriteSqlitePrimary, synced first.</summary>
    public async Task<CutoverResult?> ForceSqlitePrimaryAsync(ICurrentUser user, string reason, IProgress<CutoverProgress>? progress = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.RunMigration);
        var from = state.Mode;
        if (StoreModeState.PrimaryOf(from) == StoreKind.Sqlite)
        {
            return null;
        }

        return await SwitchAsync(user, from, StoreMode.DualWriteSqlitePrimary, RequireReason(reason), "storemode.emergency", emergency: true, progress, ct);
    }

    // A switch asked for by someone who may not switch is audited before it is refused.
    private async Task DemandAsync(ICurrentUser user, string target, CancellationToken ct)
    {
        if (!AccessGuard.Allows(user, AppPolicies.RunMigration))
        {
            await audit.RecordAsync(user, "storemode.denied", target, ct: ct);
            AccessGuard.Demand(user, AppPolicies.RunMigration);
        }
    }

    private async Task<CutoverResult> SwitchAsync(ICurrentUser user, StoreMode from, StoreMode to, string reason, string action, bool emergency, IProgress<CutoverProgress>? progress, CancellationToken ct)
    {
        var source = StoreModeState.PrimaryOf(from);
        var other = StoreModeState.Other(source);

        // Most of the catching up happens while writes still flow, so the pause only covers what arrived since.
        progress?.Report(new CutoverProgress($"Syncing {source.DisplayName()} → {other.DisplayName()} while writes continue", 1, Steps));
        var caughtUp = (ReconcileReport?)null;
        try
        {
            caughtUp = await reconciler.ReconcileAsync(user, source, other, ct: ct);
        }
        catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            // Only a head start: the final reconcile, with writes paused, is the one that must succeed.
        }

        if (!gate.Pause())
        {
            throw new InvalidOperationException("Another mode switch is running on this instance; try again when it has finished.");
        }

        var paused = Stopwatch.StartNew();
        ReconcileReport final;
        StoreModeChange change;
        WritePauseLease? othersPaused = null;
        try
        {
            progress?.Report(new CutoverProgress("Writes paused on every instance; draining the saves in flight", 2, Steps));
            othersPaused = await others.PauseOthersAsync(ct);
            await gate.DrainAsync(ct).WaitAsync(DrainTimeout, ct);

            // Every save records its keys (in every mode), so after a catch-up the keys since it are all that can differ.
            var changedOnly = caughtUp is not null && !(changedKeys.LostAt >= caughtUp.StartedAt);
            progress?.Report(new CutoverProgress($"Final reconcile {source.DisplayName()} → {other.DisplayName()}{(changedOnly ? " (rows changed since the catch-up)" : "")}", 3, Steps));
            final = changedOnly
                ? await reconciler.ReconcileChangedAsync(user, source, other, ct: ct)
                : await reconciler.ReconcileAsync(user, source, other, ct: ct);
            if (!final.InSync)
            {
                throw new InvalidOperationException($"The final reconcile left {final.Found - final.Repaired} row(s) unrepaired; the mode stays {from}.");
            }

            progress?.Report(new CutoverProgress($"Switching to {to}", 4, Steps));
            // The last moment to stop: once the mode is persisted, an instance whose pause lapsed would write into the wrong store.
            othersPaused.EnsureHeld();
            change = await modes.SwitchAsync(user, to, reason, await gates.FiguresAsync(ct), emergency, pauseMs: null, ct);
            progress?.Report(new CutoverProgress("Moving the id counters past the largest id on either side", 5, Steps));
            await sequences.AlignAsync(ct);
        }
        finally
        {
            if (othersPaused is not null)
            {
                await othersPaused.DisposeAsync();
            }

            gate.Resume();
            paused.Stop();
        }

        progress?.Report(new CutoverProgress("Writes resumed; recording the audit entry", 6, Steps, $"pause {paused.ElapsedMilliseconds} ms"));
        await RecordPauseAsync(change.Id, paused.ElapsedMilliseconds, ct);
        change.PauseMs = paused.ElapsedMilliseconds;
        await audit.RecordAsync(user, action, $"{from} → {to}", reason,
            $"pause {paused.ElapsedMilliseconds} ms; final reconcile {source} → {other} ({FinalScope(final)}): {final.Found} drifted, {final.Repaired} repaired; figures {change.Figures}", ct);
        return new CutoverResult(from, to, paused.Elapsed, final, change);
    }

    private async Task RecordPauseAsync(long changeId, long pauseMs, CancellationToken ct)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var row = await db.StoreModes.FindAsync([changeId], ct);
        if (row is not null)
        {
            row.PauseMs = pauseMs;
            await db.SaveChangesAsync(ct);
        }
    }

    private static string FinalScope(ReconcileReport final) =>
        final.Pass == ReconcilePass.Full ? "every row" : $"{final.ChangedKeys} changed key(s)";

    private static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A reason is required: it goes into the audit log.") : reason.Trim();
}
