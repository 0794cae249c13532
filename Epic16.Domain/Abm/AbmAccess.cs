using Epic16.Domain.Security;

namespace Epic16.Domain.Abm;

/// <summary>Who may use ABM: Sales and Admin run campaigns (RunCampaigns); Executives also read them (ViewCampaigns); everyone else is refused.</summary>
public static class AbmAccess
{
    public static void DemandRead(ICurrentUser user) => AccessGuard.Demand(user, AppPolicies.ViewCampaigns);

    public static void DemandWrite(ICurrentUser user) => AccessGuard.Demand(user, AppPolicies.RunCampaigns);

    public static bool CanRead(ICurrentUser user) => AccessGuard.Allows(user, AppPolicies.ViewCampaigns);

    public static bool CanWrite(ICurrentUser user) => AccessGuard.Allows(user, AppPolicies.RunCampaigns);
}
