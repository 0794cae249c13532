using Epic16.Domain.Security;

namespace Epic16.Domain.Onboarding;

/// <summary>Who may do what in onboarding: CustomerSuccess and Admin work it, Executives read it, Sales hands converted prospects over.</summary>
public static class OnboardingAccess
{
    public static void DemandRead(ICurrentUser user) => AccessGuard.Demand(user, AppPolicies.ViewOnboarding);

    public static void DemandWrite(ICurrentUser user) => AccessGuard.Demand(user, AppPolicies.ManageOnboarding);

    /// <summary>Starting onboarding from a converted prospect, and reading that client's status: Sales too.</summary>
    public static void DemandHandOver(ICurrentUser user)
    {
        if (!AccessGuard.Allows(user, AppPolicies.WorkPipeline))
        {
            AccessGuard.Demand(user, AppPolicies.ManageOnboarding);
        }
    }

    public static bool CanWrite(ICurrentUser user) => AccessGuard.Allows(user, AppPolicies.ManageOnboarding);
}
