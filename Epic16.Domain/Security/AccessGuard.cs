namespace Epic16.Domain.Security;

/// <summary>Service operations check the caller's role themselves, whatever the UI shows.</summary>
public static class AccessGuard
{
    public static void Demand(ICurrentUser user, string policy)
    {
        if (!Allows(user, policy))
        {
            throw new AccessDeniedException($"{user.Name} may not do this: it needs the {policy} permission ({string.Join(" or ", AppPolicies.Roles[policy])}).");
        }
    }

    public static bool Allows(ICurrentUser user, string policy) => AppPolicies.Roles[policy].Any(user.IsInRole);
}
