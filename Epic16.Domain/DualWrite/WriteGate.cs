namespace Epic16.Domain.DualWrite;

/// <summary>
/// Where every Epic 16 save on a primary context passes (the <see cref="MirrorInterceptor"/> enters before the save
/// and leaves after its mirror replay). A cutover pauses it (new saves wait, reads go on), drains it (waits until
/// the saves already inside, mirror included, have finished), switches, then resumes it. Per app instance: other
/// instances are not paused.
/// </summary>
public sealed class WriteGate
{
    private readonly object _lock = new();
    private TaskCompletionSource _open = Completed();
    private TaskCompletionSource _drained = Completed();
    private int _inFlight;
    private bool _paused;

    public bool IsPaused
    {
        get
        {
            lock (_lock)
            {
                return _paused;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits while writes are paused, then counts this save as in flight until <see cref="Exit"/>.</summary>
    public async ValueTask EnterAsync(CancellationToken ct = default)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (!_paused)
                {
                    if (_inFlight++ == 0)
                    {
                        _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    return;
                }

                wait = _open.Task;
            }

            await wait.WaitAsync(ct);
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            if (_inFlight > 0 && --_inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>New saves wait from now on; returns false when writes were already paused (another cutover runs).</summary>
    public bool Pause()
    {
        lock (_lock)
        {
            if (_paused)
            {
                return false;
            }

            _paused = true;
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return true;
        }
    }

    /// <summary>Completes when no save is in flight any more (call after <see cref="Pause"/>).</summary>
    public Task DrainAsync(CancellationToken ct = default)
    {
        lock (_lock)
        {
            return _inFlight == 0 ? Task.CompletedTask : _drained.Task.WaitAsync(ct);
        }
    }

    public void Resume()
    {
        TaskCompletionSource open;
        lock (_lock)
        {
            _paused = false;
            open = _open;
        }

        open.TrySetResult();
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
