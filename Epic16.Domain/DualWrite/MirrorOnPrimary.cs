using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Plugs the <see cref="MirrorInterceptor"/> into every primary context the router hands out. The mirror writes its
/// replay on a named-store context of the router, which is resolved on first use (the router is built from this).
/// </summary>
public sealed class MirrorOnPrimary(StoreModeState state, WriteGate gate, MirrorLog log, QuarantineCache quarantine, SequenceControl sequences, ChangedKeyRecorder changedKeys, IServiceProvider services, TimeProvider clock) : IStoreInterceptors
{
    private readonly MirrorInterceptor _mirror = new(
        state, gate, log, quarantine, sequences,
        (store, ct) => services.GetRequiredService<IStoreRouter>().CreateContextAsync(store, ct),
        changedKeys,
        clock);

    public IEnumerable<IInterceptor> For(StoreKind store, StoreContextUse use) => use == StoreContextUse.Primary ? [_mirror] : [];
}
