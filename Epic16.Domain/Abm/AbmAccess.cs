using Epic16.Domain.Security;

namespace Epic16.Domain.Abm;

/// <summary>Who may use ABM: Sales and Admin run campaigns; Executives read the figures; everyone else is refused.</summary>
public static class AbmAccess
{
    public static void DemandRead(ICurrentUser user)
    {
        if (!CanRead(user))
        {
            throw new AccessDeniedException(
                $"{user.Name} may not see ABM campaigns: it needs the {AppPolicies.RunCampaigns} or {AppPolicies.ViewExecutiveReports} permission.");
        }
    }

    public static void DemandWrite(ICurrentUser user) => AccessGuard.Demand(user, AppPolicies.RunCampaigns);

    public static bool CanRead(ICurrentUser user) =>
        AccessGuard.Allows(user, AppPolicies.RunCampaigns) || AccessGuard.Allows(user, AppPolicies.ViewExecutiveReports);

    public static bool CanWrite(ICurrentUser user) => AccessGuard.Allows(user, AppPolicies.RunCampaigns);
}
