using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Epic16.Domain.Monitoring;

/// <summary>Tells the <see cref="StoreMonitor"/> whether each save on one store committed, for the "unable to write" trigger.</summary>
public sealed class SaveOutcomeInterceptor(StoreMonitor monitor, StoreKind store) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        monitor.RecordSave(store, succeeded: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        monitor.RecordSave(store, succeeded: true);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => monitor.RecordSave(store, succeeded: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        monitor.RecordSave(store, succeeded: false);
        return Task.CompletedTask;
    }
}
