namespace Epic16.Domain.Common;

public static class TimeProviderExtensions
{
    /// <summary>
    /// Now in UTC, truncated to the microsecond: both stores keep microseconds, so a time handed back (for a later
    /// edit's stale-copy check, say) equals what is read back from either.
    /// </summary>
    public static DateTime UtcNowMicroseconds(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime.ToUtcMicroseconds();

    /// <summary>A time as the stores keep it: UTC (an unspecified kind is taken as UTC), truncated to the microsecond.</summary>
    public static DateTime ToUtcMicroseconds(this DateTime value)
    {
        var ticks = value.Ticks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
