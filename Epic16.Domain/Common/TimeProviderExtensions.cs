namespace Epic16.Domain.Common;

public static class TimeProviderExtensions
{
    /// <summary>
    /// Now in UTC, truncated to the microsecond: both stores keep microseconds, so a time handed back (for a later
    /// edit's stale-copy check, say) equals what is read back from either.
    /// </summary>
    public static DateTime UtcNowMicroseconds(this TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
