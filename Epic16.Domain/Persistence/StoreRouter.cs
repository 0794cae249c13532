using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Epic16.Domain.Persistence;

/// <summary>
/// Hands out the Epic 16 context for the current <see cref="StoreMode"/>, which <see cref="StoreModeState"/> keeps in
/// step with the persisted mode. Primary and named-store contexts carry what the registered
/// <see cref="IStoreInterceptors"/> give for them (the write gate and mirror on primary contexts, latency measuring on
/// both); background contexts carry none, so bulk work does not count as user traffic.
/// </summary>
public sealed class StoreRouter : IStoreRouter
{
    private readonly StoreSettings _settings;
    private readonly QuarantineCache _quarantine;
    private readonly StoreModeState _state;
    private readonly DbContextOptions<PostgresEpic16Context> _postgres;
    private readonly DbContextOptions<PostgresEpic16Context> _postgresPrimary;
    private readonly DbContextOptions<PostgresEpic16Context> _postgresBackground;
    private readonly Lazy<DbContextOptions<SqliteEpic16Context>> _sqlite;
    private readonly Lazy<DbContextOptions<SqliteEpic16Context>> _sqlitePrimary;
    private readonly Lazy<DbContextOptions<SqliteEpic16Context>> _sqliteBackground;

    public StoreRouter(StoreSettings settings, QuarantineCache quarantine, StoreModeState state, IEnumerable<IStoreInterceptors> interceptors)
    {
        _settings = settings;
        _quarantine = quarantine;
        _state = state;
        var sources = interceptors.ToList();
        IInterceptor[] For(StoreKind store, StoreContextUse use) => [.. sources.SelectMany(s => s.For(store, use))];
        _postgres = Epic16Stores.PostgresOptions(settings.PostgresConnectionString, null, For(StoreKind.Postgres, StoreContextUse.Named));
        _postgresPrimary = Epic16Stores.PostgresOptions(settings.PostgresConnectionString, null, For(StoreKind.Postgres, StoreContextUse.Primary));
        _postgresBackground = Epic16Stores.PostgresOptions(settings.PostgresConnectionString);
        _sqlite = new(() => Epic16Stores.SqliteOptions(settings.LegacyDirectory, For(StoreKind.Sqlite, StoreContextUse.Named)));
        _sqlitePrimary = new(() => Epic16Stores.SqliteOptions(settings.LegacyDirectory, For(StoreKind.Sqlite, StoreContextUse.Primary)));
        _sqliteBackground = new(() => Epic16Stores.SqliteOptions(settings.LegacyDirectory));
    }

    public StoreMode Mode => _state.Mode;

    public async Task<Epic16Context> CreateContextAsync(CancellationToken ct = default) =>
        StoreModeState.PrimaryOf(Mode) == StoreKind.Postgres
            ? new PostgresEpic16Context(_postgresPrimary)
            : new SqliteEpic16Context(_sqlitePrimary.Value, await _quarantine.GetAsync(ct));

    public async Task<Epic16Context> CreateContextAsync(StoreKind store, CancellationToken ct = default) =>
        store == StoreKind.Postgres
            ? new PostgresEpic16Context(_postgres)
            : new SqliteEpic16Context(_sqlite.Value, await _quarantine.GetAsync(ct));

    public async Task<Epic16Context> CreateBackgroundContextAsync(StoreKind store, CancellationToken ct = default) =>
        store == StoreKind.Postgres
            ? new PostgresEpic16Context(_postgresBackground)
            : new SqliteEpic16Context(_sqliteBackground.Value, await _quarantine.GetAsync(ct));

    public override string ToString() => $"StoreRouter({_settings.LegacyDirectory}, {Mode})";
}
