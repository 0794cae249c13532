using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// The switching instance's hold on every other instance's write pause. Each instance keeps writes paused only for its
/// lease (`DualWrite:PauseLeaseSeconds`) after the last word it heard from the switch, so this sends a heartbeat every
/// third of a lease and collects each instance's confirmation. <see cref="EnsureHeld"/> is asked before anything is
/// persisted: it refuses unless every instance confirmed a heartbeat recently enough that its pause still holds for at
/// least one more heartbeat interval. Disposing stops the heartbeat and NOTIFYs `resume`.
/// </summary>
public sealed class WritePauseLease : IAsyncDisposable
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(200);
    private readonly NpgsqlConnection _connection;
    private readonly string _id;
    private readonly TimeSpan _interval;
    private readonly ConcurrentDictionary<long, long> _sentAt = new();
    private readonly ConcurrentDictionary<string, (long Seq, TimeSpan Lease)> _confirmed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task _beats = Task.CompletedTask;

    internal WritePauseLease(NpgsqlConnection connection, string id, TimeSpan lease)
    {
        _connection = connection;
        _id = id;
        _interval = lease / 3;
        connection.Notification += (_, e) => Confirm(e.Channel, e.Payload);
    }

    /// <summary>The instances that confirmed the pause (heartbeat 0).</summary>
    public int Instances => _confirmed.Count;

    internal string Id => _id;

    internal void MarkSent(long seq) => _sentAt[seq] = Stopwatch.GetTimestamp();

    internal void StartHeartbeat() => _beats = Task.Run(() => BeatAsync(_stop.Token));

    /// <summary>Throws when some instance's pause may lapse before one more heartbeat interval has passed: nothing must be persisted then.</summary>
    public void EnsureHeld()
    {
        foreach (var (instance, (seq, lease)) in _confirmed)
        {
            var since = Stopwatch.GetElapsedTime(_sentAt[seq]);
            if (since + _interval >= lease)
            {
                throw new WritePauseLapsedException(
                    $"The write pause on instance {instance} was last confirmed {since.TotalSeconds:0.0} s ago and lapses after {lease.TotalSeconds:0.#} s; " +
                    "the switch was abandoned before the mode changed.");
            }
        }
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        try
        {
            for (long seq = 1; !ct.IsCancellationRequested; seq++)
            {
                MarkSent(seq);
                await WriteGateBroadcast.NotifyAsync(_connection, WriteGateBroadcast.Channel, $"beat:{_id}:{seq}", CancellationToken.None);
                var next = Stopwatch.GetTimestamp();
                // Confirmations arrive while waiting on the connection: in short slices, never cancelled (a cancelled wait may break the connection the resume goes out on).
                while (!ct.IsCancellationRequested && Stopwatch.GetElapsedTime(next) < _interval)
                {
                    await _connection.WaitAsync(Min(_interval - Stopwatch.GetElapsedTime(next), Slice), CancellationToken.None);
                }
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
        {
            // No more heartbeats: the instances resume after their lease, and EnsureHeld refuses the switch before then.
        }
    }

    /// <summary>The shorter wait, never below 1 ms: a negative timeout means "wait forever" to Npgsql.</summary>
    private static TimeSpan Min(TimeSpan a, TimeSpan b) => TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(a.Ticks, b.Ticks)));

    private void Confirm(string channel, string payload)
    {
        // {id}:{seq}:{lease ms}:{instance}; the instance name may itself hold colons.
        var parts = payload.Split(':', 4);
        if (channel != WriteGateBroadcast.AckChannel || parts.Length < 4 || parts[0] != _id
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var leaseMs)
            || !_sentAt.ContainsKey(seq))
        {
            return;
        }

        _confirmed.AddOrUpdate(parts[3], (seq, TimeSpan.FromMilliseconds(leaseMs)), (_, old) => seq > old.Seq ? (seq, TimeSpan.FromMilliseconds(leaseMs)) : old);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _beats;
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                await WriteGateBroadcast.NotifyAsync(_connection, WriteGateBroadcast.Channel, $"resume:{_id}", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
        {
            // The others resume after their lease.
        }
        finally
        {
            await _connection.DisposeAsync();
            _stop.Dispose();
        }
    }
}
