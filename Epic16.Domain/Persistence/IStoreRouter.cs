namespace Epic16.Domain.Persistence;

/// <summary>The one place that knows which store serves the Epic 16 tables in the current mode.</summary>
public interface IStoreRouter
{
    /// <summary>The live mode (the persisted one once loaded; every instance follows a change).</summary>
    StoreMode Mode { get; }

    /// <summary>A new context on the primary store of the current mode; one per operation. It carries every registered <see cref="IStoreInterceptors"/> for primary contexts (the dual-write module's write gate and mirror).</summary>
    Task<Epic16Context> CreateContextAsync(CancellationToken ct = default);

    /// <summary>A context on a given store, whatever the mode (migration, validation, tests); measured, never mirrored.</summary>
    Task<Epic16Context> CreateContextAsync(StoreKind store, CancellationToken ct = default);

    /// <summary>A context on a given store for background and bulk work (reconciler): neither measured nor mirrored.</summary>
    Task<Epic16Context> CreateBackgroundContextAsync(StoreKind store, CancellationToken ct = default);
}
