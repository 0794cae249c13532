using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Epic16.Domain.Monitoring;

/// <summary>Measures every primary and named-store context the router hands out into the <see cref="StoreMonitor"/>.</summary>
public sealed class MonitorAllContexts(StoreMonitor monitor) : IStoreInterceptors
{
    public IEnumerable<IInterceptor> For(StoreKind store, StoreContextUse use) => monitor.InterceptorsFor(store);
}
