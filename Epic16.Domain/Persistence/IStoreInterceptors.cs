using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Epic16.Domain.Persistence;

/// <summary>
/// Interceptors a module adds to the Epic 16 contexts the <see cref="IStoreRouter"/> hands out, registered through DI
/// (every registration is used, in registration order). The router knows nothing of what they do.
/// </summary>
public interface IStoreInterceptors
{
    /// <summary>The interceptors for contexts on <paramref name="store"/>: primary contexts (user traffic in the current mode) or contexts on a named store.</summary>
    IEnumerable<IInterceptor> For(StoreKind store, StoreContextUse use);
}
