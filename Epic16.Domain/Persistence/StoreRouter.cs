using Epic16.Domain.DualWrite;
using Epic16.Domain.Monitoring;
using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>
/// Hands out the Epic 16 context for the current <see cref="StoreMode"/>, which <see cref="StoreModeState"/> keeps in
/// step with the persisted mode. Primary contexts carry the <see cref="MirrorInterceptor"/> (write gate and, in the
/// dual-write modes, the mirror); contexts on a named store are measured but not mirrored; background contexts are
/// neither, so bulk work does not count as user traffic.
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

    public StoreRouter(StoreSettings settings, QuarantineCache quarantine, StoreMonitor monitor, StoreModeState state, WriteGate gate, MirrorLog mirrorLog, SequenceControl sequences, TimeProvider clock)
    {
        _settings = settings;
        _quarantine = quarantine;
        _state = state;
        var mirror = new MirrorInterceptor(state, gate, mirrorLog, quarantine, sequences, CreateContextAsync, clock);
        _postgres = Epic16Stores.PostgresOptions(settings.PostgresConnectionString, null, monitor.InterceptorsFor(StoreKind.Postgres));
        _postgresPrimary = Epic16Stores.PostgresOptions(settings.PostgresConnectionString, null, [mirror, .. monitor.InterceptorsFor(StoreKind.Postgres)]);
        _postgresBackground = Epic16Stores.PostgresOptions(settings.PostgresConnectionString);
        _sqlite = new(() => Epic16Stores.SqliteOptions(settings.LegacyDirectory, monitor.InterceptorsFor(StoreKind.Sqlite)));
        _sqlitePrimary = new(() => Epic16Stores.SqliteOptions(settings.LegacyDirectory, [mirror, .. monitor.InterceptorsFor(StoreKind.Sqlite)]));
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
