namespace Epic16.Dashboard.Components.Shared;

/// <summary>Passes progress on to the page at most every 150 ms, so a fast run does not flood the circuit with renders.</summary>
public sealed class ThrottledProgress<T>(Func<T, Task> onReport) : IProgress<T>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);
    private DateTime _last = DateTime.MinValue;

    public void Report(T value)
    {
        var now = DateTime.UtcNow;
        if (now - _last < Interval)
        {
            return;
        }

        _last = now;
        _ = onReport(value);
    }
}
