using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// The persisted store mode (`migration_store_modes`, latest row wins). A switch is inserted and announced with
/// `NOTIFY epic16_store_mode` in one transaction, so every instance's <see cref="StoreModeListener"/> hears of it
/// only once it committed. `Store:Mode` only seeds the table when it is empty.
/// </summary>
public sealed class StoreModes(IDbContextFactory<PlatformContext> platform, StoreModeState state, StoreSettings settings, TimeProvider clock)
{
    public const string Channel = "epic16_store_mode";
    public const string SeedActor = "system:config";

    /// <summary>Reads the current mode into this instance (seeding the table from `Store:Mode` when empty) and returns it.</summary>
    public async Task<StoreModeChange> LoadAsync(Func<CancellationToken, Task<ModeFigures>>? figures = null, CancellationToken ct = default)
    {
        var latest = await LatestAsync(ct);
        if (latest is null)
        {
            var seeded = figures is null ? null : await figures(ct);
            latest = await InsertAsync(SeedActor, settings.Mode, null, $"seeded from Store:Mode ({settings.Mode})", seeded, emergency: false, pauseMs: null, ct);
        }

        state.Apply(latest);
        return latest;
    }

    /// <summary>Re-reads the latest row (after a NOTIFY, or as the periodic fallback) and applies it when it changed.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        if (await LatestAsync(ct) is { } latest)
        {
            state.Apply(latest);
        }
    }

    public async Task<StoreModeChange?> LatestAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.StoreModes.AsNoTracking().OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<StoreModeChange>> HistoryAsync(int count = 50, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.StoreModes.AsNoTracking().OrderByDescending(m => m.Id).Take(count).ToListAsync(ct);
    }

    /// <summary>
    /// The Epic 7 baseline: the figures recorded when dual-write last began (the switch out of SqliteOnly), or, for a
    /// database put straight into a later mode, its first recorded figures. The cutover gate and the rollback trigger
    /// both compare with it.
    /// </summary>
    public async Task<ModeFigures?> DualWriteBaselineAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var dual = StoreMode.DualWriteSqlitePrimary.ToString();
        var single = StoreMode.SqliteOnly.ToString();
        var row = await db.StoreModes.AsNoTracking()
            .Where(m => m.Mode == dual && (m.PreviousMode == single || m.PreviousMode == null))
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct)
            ?? await db.StoreModes.AsNoTracking().OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        return ModeFigures.FromJson(row?.Figures);
    }

    /// <summary>Persists a switch, NOTIFYs every instance on commit, and applies it here at once.</summary>
    public async Task<StoreModeChange> SwitchAsync(ICurrentUser actor, StoreMode mode, string reason, ModeFigures figures, bool emergency = false, long? pauseMs = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        var previous = state.Mode;
        var row = await InsertAsync(actor.Name, mode, previous, reason, figures, emergency, pauseMs, ct);
        state.Apply(row);
        return row;
    }

    private async Task<StoreModeChange> InsertAsync(string actor, StoreMode mode, StoreMode? previous, string reason, ModeFigures? figures, bool emergency, long? pauseMs, CancellationToken ct)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = new StoreModeChange
        {
            Mode = mode.ToString(),
            PreviousMode = previous?.ToString(),
            ChangedAt = clock.GetUtcNow().UtcDateTime,
            ChangedBy = actor,
            Reason = reason,
            Figures = figures?.ToJson() ?? "{}",
            Emergency = emergency,
            PauseMs = pauseMs,
        };
        db.StoreModes.Add(row);
        await db.SaveChangesAsync(ct);
        // Delivered by PostgreSQL only when this transaction commits.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Channel, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], ct);
        await transaction.CommitAsync(ct);
        return row;
    }
}
