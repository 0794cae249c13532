namespace Epic16.Domain.Onboarding;

/// <summary>"Now" and "today" (UTC) for onboarding, at the microsecond both stores keep.</summary>
public static class OnboardingClock
{
    public static DateTime Now(TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
