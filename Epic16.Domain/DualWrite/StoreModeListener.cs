using Epic16.Domain.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Keeps this instance on the persisted mode: reads it at start (and applies the emergency switch), then LISTENs on
/// <see cref="StoreModes.Channel"/> over its own connection, reconnecting after a failure, and re-reads the mode
/// every `DualWrite:ModeRefreshSeconds` in case a notification was missed.
/// </summary>
public sealed class StoreModeListener(StoreModes modes, EmergencySwitch emergency, StoreSettings stores, DualWriteSettings settings, ILogger<StoreModeListener> logger) : BackgroundService
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
        var connectionString = new NpgsqlConnectionStringBuilder(stores.PostgresConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, _) => Interlocked.Increment(ref _notifications);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {StoreModes.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever changed while we were not listening.
                await modes.RefreshAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    // True on a notification, false when the fallback interval passed: re-read either way.
                    await connection.WaitAsync(settings.ModeRefresh, stoppingToken);
                    await modes.RefreshAsync(stoppingToken);
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
}
