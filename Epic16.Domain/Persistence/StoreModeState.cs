namespace Epic16.Domain.Persistence;

/// <summary>
/// The mode this instance serves, read by the router on every context it hands out. Seeded from `Store:Mode`,
/// then set from `migration_store_modes` at start and whenever a NOTIFY (or the periodic re-read) says it changed.
/// </summary>
public sealed class StoreModeState(StoreSettings settings)
{
    private volatile StoreModeSnapshot _current = new(settings.Mode, null, null, ForcedByEmergencySwitch: false, Persisted: false);

    public StoreMode Mode => _current.Mode;

    public StoreModeSnapshot Current => _current;

    /// <summary>Raised after the mode this instance serves changed (on the thread that noticed).</summary>
    public event Action<StoreModeSnapshot>? Changed;

    public void Apply(StoreModeChange row) =>
        Apply(new StoreModeSnapshot(Enum.Parse<StoreMode>(row.Mode), row.ChangedAt, row.ChangedBy, row.Emergency, Persisted: true));

    public void Apply(StoreModeSnapshot snapshot)
    {
        var before = _current;
        _current = snapshot;
        if (before.Mode != snapshot.Mode || before.ChangedAt != snapshot.ChangedAt)
        {
            Changed?.Invoke(snapshot);
        }
    }

    public static StoreKind PrimaryOf(StoreMode mode) => mode is StoreMode.SqliteOnly or StoreMode.DualWriteSqlitePrimary ? StoreKind.Sqlite : StoreKind.Postgres;

    public static bool IsDualWrite(StoreMode mode) => mode is StoreMode.DualWriteSqlitePrimary or StoreMode.DualWritePostgresPrimary;

    public static StoreKind Other(StoreKind store) => store == StoreKind.Sqlite ? StoreKind.Postgres : StoreKind.Sqlite;
}
