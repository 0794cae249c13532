using Epic16.Domain.Common;

namespace Epic16.Domain.Onboarding;

/// <summary>"Now" (at the microsecond both stores keep) and "today", in UTC, for onboarding.</summary>
public static class OnboardingClock
{
    public static DateTime Now(TimeProvider clock) => clock.UtcNowMicroseconds();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
