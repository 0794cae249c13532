using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>
/// One read on a context of its own, so that reads which do not depend on each other can run at once (a context runs one
/// query at a time): a page made of several independent reads costs its slowest read, not their sum. Each read starts on the
/// thread pool, so its CPU work (materialising, computing) runs beside the others even when the caller is a Blazor circuit,
/// whose synchronisation context runs one continuation at a time.
/// </summary>
public static class ConcurrentReads
{
    /// <summary>A read on a new context on the current mode's primary store.</summary>
    public static Task<T> ReadAsync<T>(this IStoreRouter router, Func<Epic16Context, Task<T>> read, CancellationToken ct) =>
        Task.Run(async () =>
        {
            await using var db = await router.CreateContextAsync(ct);
            return await read(db);
        }, ct);

    /// <summary>A read on a new context on the control store (PostgreSQL in every mode).</summary>
    public static Task<T> ReadAsync<T>(this IDbContextFactory<PlatformContext> platform, Func<PlatformContext, Task<T>> read, CancellationToken ct) =>
        Task.Run(async () =>
        {
            await using var control = await platform.CreateDbContextAsync(ct);
            return await read(control);
        }, ct);
}
