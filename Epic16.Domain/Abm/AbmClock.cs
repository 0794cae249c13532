namespace Epic16.Domain.Abm;

/// <summary>"Now" for ABM writes, cut to microseconds: both stores keep microseconds, so a value handed back compares equal after a save.</summary>
internal static class AbmClock
{
    public static DateTime Now(TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }
}
