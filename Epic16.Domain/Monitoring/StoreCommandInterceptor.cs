using System.Data.Common;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Epic16.Domain.Monitoring;

/// <summary>Times every command EF sends to one store and reports it, failed or not, to the <see cref="StoreMonitor"/>.</summary>
public sealed class StoreCommandInterceptor(StoreMonitor monitor, StoreKind store) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        monitor.RecordCommand(store, eventData.Duration, failed: false);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        monitor.RecordCommand(store, eventData.Duration, failed: false);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        monitor.RecordCommand(store, eventData.Duration, failed: false);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        monitor.RecordCommand(store, eventData.Duration, failed: false);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        monitor.RecordCommand(store, eventData.Duration, failed: false);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        monitor.RecordCommand(store, eventData.Duration, failed: false);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        monitor.RecordCommand(store, eventData.Duration, failed: true);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        monitor.RecordCommand(store, eventData.Duration, failed: true);
        return Task.CompletedTask;
    }
}
