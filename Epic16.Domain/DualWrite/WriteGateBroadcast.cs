using System.Collections.Concurrent;
using Epic16.Domain.Persistence;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Makes a cutover's write pause hold across app instances. The switching instance counts the sessions that LISTEN for
/// mode changes, NOTIFYs `pause` on <see cref="Channel"/> and waits until every one of them has paused and drained its
/// own <see cref="WriteGate"/> and acknowledged on <see cref="AckChannel"/>; afterwards it NOTIFYs `resume`. An
/// instance that hears no `resume` resumes by itself after `DualWrite:PauseLeaseSeconds`, so a crashed switch cannot
/// stop writes for good. An instance that does not acknowledge in time makes the switch fail, before anything changed.
/// </summary>
public sealed class WriteGateBroadcast(StoreSettings stores, WriteGate gate, DualWriteSettings settings, ILogger<WriteGateBroadcast> logger)
{
    public const string Channel = "epic16_write_gate";
    public const string AckChannel = "epic16_write_gate_ack";
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The `application_name` of every instance's listening connection: how the switching instance counts them.</summary>
    public const string ListenerApplicationName = "epic16-mode-listener";

    private readonly object _lock = new();
    private string? _remoteSwitch;
    private long _remotePauses;

    /// <summary>How many times another instance's switch paused this instance's writes.</summary>
    public long RemotePauses => Interlocked.Read(ref _remotePauses);

    /// <summary>Pauses every listening instance and returns once all have drained; dispose the result to resume them.</summary>
    public async Task<IAsyncDisposable> PauseOthersAsync(CancellationToken ct = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(stores.PostgresConnectionString) { Pooling = false }.ConnectionString);
        var acks = new ConcurrentDictionary<string, bool>();
        connection.Notification += (_, e) =>
        {
            if (e.Channel == AckChannel && e.Payload.StartsWith(id + ":", StringComparison.Ordinal))
            {
                acks[e.Payload] = true;
            }
        };
        var resume = new Resume(connection, id);
        try
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, $"LISTEN {AckChannel}", ct);
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{ListenerApplicationName}'", connection);
            var listeners = (long)(await count.ExecuteScalarAsync(ct))!;
            await NotifyAsync(connection, Channel, $"pause:{id}", ct);
            var deadline = DateTime.UtcNow + AckTimeout;
            while (acks.Count < listeners && DateTime.UtcNow < deadline)
            {
                await connection.WaitAsync(deadline - DateTime.UtcNow, ct);
            }

            if (acks.Count < listeners)
            {
                throw new InvalidOperationException($"Only {acks.Count} of {listeners} app instance(s) confirmed the write pause within {AckTimeout.TotalSeconds:0} s; nothing was switched.");
            }

            return resume;
        }
        catch
        {
            await resume.DisposeAsync();
            throw;
        }
    }

    /// <summary>Called by this instance's listener for each notification on <see cref="Channel"/>.</summary>
    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        var (verb, id) = (payload.Split(':')[0], payload[(payload.IndexOf(':') + 1)..]);
        if (verb == "pause")
        {
            if (gate.Pause())
            {
                lock (_lock)
                {
                    _remoteSwitch = id;
                }

                Interlocked.Increment(ref _remotePauses);
                _ = ResumeLaterAsync(id);
            }

            await gate.DrainAsync(ct).WaitAsync(AckTimeout, ct);
            await using var connection = new NpgsqlConnection(stores.PostgresConnectionString);
            await connection.OpenAsync(ct);
            await NotifyAsync(connection, AckChannel, $"{id}:{settings.Instance}", ct);
        }
        else if (verb == "resume")
        {
            ResumeIfMine(id);
        }
    }

    private async Task ResumeLaterAsync(string id)
    {
        await Task.Delay(settings.PauseLease);
        if (ResumeIfMine(id))
        {
            logger.LogWarning("Write pause {Switch} ordered by another instance got no resume within {Seconds} s; writes resumed", id, settings.PauseLease.TotalSeconds);
        }
    }

    private bool ResumeIfMine(string id)
    {
        lock (_lock)
        {
            if (_remoteSwitch != id)
            {
                return false;
            }

            _remoteSwitch = null;
        }

        gate.Resume();
        return true;
    }

    private static async Task NotifyAsync(NpgsqlConnection connection, string channel, string payload, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_notify(@c, @p)", connection);
        command.Parameters.AddWithValue("c", channel);
        command.Parameters.AddWithValue("p", payload);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class Resume(NpgsqlConnection connection, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection.State == System.Data.ConnectionState.Open)
                {
                    await NotifyAsync(connection, Channel, $"resume:{id}", CancellationToken.None);
                }
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
