using Epic16.Domain.StoreMigration;

namespace Epic16.Domain.Persistence;

/// <summary>The one place that knows which store serves the Epic 16 tables in the current mode.</summary>
public interface IStoreRouter
{
    StoreMode Mode { get; }

    /// <summary>A new context on the primary store of the current mode; one per operation.</summary>
    Task<Epic16Context> CreateContextAsync(CancellationToken ct = default);

    /// <summary>A context on a given store, whatever the mode (migration, validation, reconciliation).</summary>
    Task<Epic16Context> CreateContextAsync(StoreKind store, CancellationToken ct = default);
}
