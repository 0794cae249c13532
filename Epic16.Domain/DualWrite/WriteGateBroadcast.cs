using System.Diagnostics;
using Epic16.Domain.Persistence;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// Makes a cutover's write pause hold across app instances. The switching instance counts the sessions that LISTEN for
/// mode changes, NOTIFYs `pause` on <see cref="Channel"/> and waits until every one of them has paused and drained its
/// own <see cref="WriteGate"/> and acknowledged on <see cref="AckChannel"/>; while the switch runs it sends heartbeats
/// (<see cref="WritePauseLease"/>), each acknowledged; afterwards it NOTIFYs `resume`. An instance keeps writes paused
/// for `DualWrite:PauseLeaseSeconds` after the last word of the switch, so a crashed switch cannot stop writes for good,
/// and a live one never lets the pause lapse: it refuses to change the mode once an instance's lease could run out.
/// An instance that does not acknowledge in time makes the switch fail, before anything changed.
/// </summary>
public sealed class WriteGateBroadcast(StoreSettings stores, WriteGate gate, DualWriteSettings settings, ILogger<WriteGateBroadcast> logger)
{
    public const string Channel = "epic16_write_gate";
    public const string AckChannel = "epic16_write_gate_ack";
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The `application_name` of every instance's listening connection: how the switching instance counts them.</summary>
    public const string ListenerApplicationName = "epic16-mode-listener";

    /// <summary>The `application_name` of the switching instance's pause connection (pause, heartbeats, resume).</summary>
    public const string PauseApplicationName = "epic16-write-pause";

    private readonly object _lock = new();
    private readonly Dictionary<string, long> _remoteLeases = new(StringComparer.Ordinal);
    private bool _pausedByRemote;
    private long _remotePauses;
    private long _lapses;

    /// <summary>How many times another instance's switch paused this instance's writes.</summary>
    public long RemotePauses => Interlocked.Read(ref _remotePauses);

    /// <summary>How many remote pauses ended because their lease ran out rather than by a `resume`.</summary>
    public long Lapses => Interlocked.Read(ref _lapses);

    /// <summary>Pauses every listening instance and returns once all have drained, heartbeat running; dispose the result to resume them.</summary>
    public async Task<WritePauseLease> PauseOthersAsync(CancellationToken ct = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(stores.PostgresConnectionString) { Pooling = false, ApplicationName = PauseApplicationName }.ConnectionString);
        var lease = new WritePauseLease(connection, id, settings.PauseLease);
        try
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, $"LISTEN {AckChannel}", ct);
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{ListenerApplicationName}'", connection);
            var listeners = (long)(await count.ExecuteScalarAsync(ct))!;
            lease.MarkSent(0);
            await NotifyAsync(connection, Channel, $"pause:{id}", ct);
            var deadline = DateTime.UtcNow + AckTimeout;
            while (lease.Instances < listeners && DateTime.UtcNow < deadline)
            {
                // Never a negative timeout: to Npgsql that means waiting forever.
                await connection.WaitAsync(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (deadline - DateTime.UtcNow).Ticks)), ct);
            }

            if (lease.Instances < listeners)
            {
                throw new InvalidOperationException($"Only {lease.Instances} of {listeners} app instance(s) confirmed the write pause within {AckTimeout.TotalSeconds:0} s; nothing was switched.");
            }

            lease.StartHeartbeat();
            return lease;
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    /// <summary>Called by this instance's listener for each notification on <see cref="Channel"/>.</summary>
    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        var parts = payload.Split(':');
        var (verb, id) = (parts[0], parts.Length > 1 ? parts[1] : "");
        if (verb == "pause")
        {
            var paused = gate.Pause();
            lock (_lock)
            {
                // Already paused by another switch of another instance: this one holds it too, until both let go.
                if (paused || _pausedByRemote)
                {
                    _pausedByRemote = true;
                    _remoteLeases[id] = Stopwatch.GetTimestamp();
                    Interlocked.Increment(ref _remotePauses);
                    _ = ResumeAfterLeaseAsync(id);
                }
            }

            await gate.DrainAsync(ct).WaitAsync(AckTimeout, ct);
            await AcknowledgeAsync(id, 0, ct);
        }
        else if (verb == "beat" && parts.Length > 2)
        {
            lock (_lock)
            {
                if (!_remoteLeases.ContainsKey(id))
                {
                    // Lapsed or resumed already: no confirmation, so the switch stops before changing the mode.
                    return;
                }

                _remoteLeases[id] = Stopwatch.GetTimestamp();
            }

            await AcknowledgeAsync(id, long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        else if (verb == "resume")
        {
            Release(id);
        }
    }

    private async Task AcknowledgeAsync(string id, long seq, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(stores.PostgresConnectionString);
        await connection.OpenAsync(ct);
        await NotifyAsync(connection, AckChannel, $"{id}:{seq}:{(long)settings.PauseLease.TotalMilliseconds}:{settings.Instance}", ct);
    }

    private async Task ResumeAfterLeaseAsync(string id)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                if (!_remoteLeases.TryGetValue(id, out var heard))
                {
                    return;
                }

                wait = settings.PauseLease - Stopwatch.GetElapsedTime(heard);
            }

            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(wait);
        }

        if (Release(id))
        {
            Interlocked.Increment(ref _lapses);
            logger.LogWarning("Write pause {Switch} ordered by another instance heard nothing for {Seconds} s; writes resumed", id, settings.PauseLease.TotalSeconds);
        }
    }

    /// <summary>Lets go of one switch's pause; writes resume when no switch holds them any more.</summary>
    private bool Release(string id)
    {
        lock (_lock)
        {
            if (!_remoteLeases.Remove(id))
            {
                return false;
            }

            if (_remoteLeases.Count > 0)
            {
                return true;
            }

            _pausedByRemote = false;
        }

        gate.Resume();
        return true;
    }

    internal static async Task NotifyAsync(NpgsqlConnection connection, string channel, string payload, CancellationToken ct)
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
}
