namespace Epic16.Tests.TestSupport;

/// <summary>A clock the test sets and moves by hand; with <see cref="StepPerRead"/>, time also jumps each time it is read.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public TimeSpan StepPerRead { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        var now = Now;
        Now += StepPerRead;
        return now;
    }

    public void Advance(TimeSpan by) => Now += by;
}
