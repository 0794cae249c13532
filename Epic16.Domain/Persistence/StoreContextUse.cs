namespace Epic16.Domain.Persistence;

/// <summary>What a context from the <see cref="IStoreRouter"/> is for; background contexts get no interceptors at all.</summary>
public enum StoreContextUse
{
    /// <summary>The primary store of the current mode (<see cref="IStoreRouter.CreateContextAsync(CancellationToken)"/>).</summary>
    Primary,

    /// <summary>A store named by the caller (<see cref="IStoreRouter.CreateContextAsync(StoreKind, CancellationToken)"/>).</summary>
    Named,
}
