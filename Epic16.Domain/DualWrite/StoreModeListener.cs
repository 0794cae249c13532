using Epic16.Domain.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Keeps this instance on the persisted mode: reads it at start (and applies the emergency switch), then LISTENs on
/// <see cref="StoreModes.Channel"/> over its own connection, reconnecting after a failure, and re-reads the mode
/// every `DualWrite:ModeRefreshSeconds` in case a notification was missed. On the same connection it hears another
/// instance's cutover pause its writes (<see cref="WriteGateBroadcast"/>).
/// </summary>
public sealed class StoreModeListener(StoreModes modes, EmergencySwitch emergency, WriteGateBroadcast broadcast, StoreSettings stores, DualWriteSettings settings, ILogger<StoreModeListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    /// <summary>How many notifications arrived (for the tests and the page: proof the channel works).</summary>
    public long NotificationsReceived => Interlocked.Read(ref _notifications);

    private long _notifications;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await emergency.ApplyAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(stores.PostgresConnectionString)
        {
            Pooling = false,
            TcpKeepAlive = true,
            ApplicationName = WriteGateBroadcast.ListenerApplicationName,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                var gateOrders = new System.Collections.Concurrent.ConcurrentQueue<string>();
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == WriteGateBroadcast.Channel)
                    {
                        gateOrders.Enqueue(e.Payload);
                    }
                    else
                    {
                        Interlocked.Increment(ref _notifications);
                    }
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {StoreModes.Channel}; LISTEN {WriteGateBroadcast.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever changed while we were not listening.
                await modes.RefreshAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    // True on a notification, false when the fallback interval passed: re-read either way.
                    await connection.WaitAsync(settings.ModeRefresh, stoppingToken);
                    // The mode first: a switch persists it before it sends `resume`, so writes never resume on the old mode.
                    await modes.RefreshAsync(stoppingToken);
                    while (gateOrders.TryDequeue(out var order))
                    {
                        await FollowGateAsync(order, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Store mode listener lost its connection ({Reason}); reconnecting", e.Message.Split('\n')[0]);
                try
                {
                    await Task.Delay(ReconnectDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task FollowGateAsync(string order, CancellationToken ct)
    {
        try
        {
            await broadcast.HandleAsync(order, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Write pause order {Order} not confirmed: {Reason}", order, e.Message.Split('\n')[0]);
        }
    }
}
