using Epic16.Domain.Monitoring;
using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>
/// Hands out the Epic 16 context for the current <see cref="StoreMode"/>. For now the mode comes from
/// configuration (`Store:Mode`): SqliteOnly or PostgresOnly.
/// </summary>
public sealed class StoreRouter(StoreSettings settings, QuarantineCache quarantine, StoreMonitor monitor) : IStoreRouter
{
    private readonly DbContextOptions<PostgresEpic16Context> _postgres = Epic16Stores.PostgresOptions(settings.PostgresConnectionString, null, monitor.InterceptorsFor(StoreKind.Postgres));
    private readonly Lazy<DbContextOptions<SqliteEpic16Context>> _sqlite = new(() => Epic16Stores.SqliteOptions(settings.LegacyDirectory, monitor.InterceptorsFor(StoreKind.Sqlite)));

    public StoreMode Mode => settings.Mode;

    public Task<Epic16Context> CreateContextAsync(CancellationToken ct = default) =>
        CreateContextAsync(Mode is StoreMode.SqliteOnly or StoreMode.DualWriteSqlitePrimary ? StoreKind.Sqlite : StoreKind.Postgres, ct);

    public async Task<Epic16Context> CreateContextAsync(StoreKind store, CancellationToken ct = default)
    {
        if (store == StoreKind.Postgres)
        {
            return new PostgresEpic16Context(_postgres);
        }

        var ids = await quarantine.GetAsync(ct);
        return new SqliteEpic16Context(_sqlite.Value, ids);
    }
}
