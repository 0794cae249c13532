using System.Security.Claims;
using Epic16.Dashboard.Hosting;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Epic16.Dashboard.Components.Account;

/// <summary>
/// Re-checks the user of an open circuit every `Security:RevalidationSeconds` (60): the account must still exist, not be
/// locked out or disabled, carry the same security stamp and hold exactly the roles the circuit's principal claims.
/// Otherwise the circuit falls back to anonymous, so a demoted or locked-out user loses access without a reload.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        SessionSettings session)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => session.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A new scope, so the user manager reads fresh data.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        try
        {
            return await IsStillValidAsync(userManager, options.Value.ClaimsIdentity, authenticationState.User);
        }
        catch (System.Data.Common.DbException e)
        {
            // Users and roles live in PostgreSQL: while it is down nobody can change them, so the session stays and the
            // next round checks again (failing here would sign everyone out during an outage).
            _logger.LogWarning("Session not revalidated, PostgreSQL did not answer: {Reason}", e.Message.Split('\n')[0]);
            return true;
        }
    }

    private readonly ILogger _logger = loggerFactory.CreateLogger<IdentityRevalidatingAuthenticationStateProvider>();

    internal static async Task<bool> IsStillValidAsync(UserManager<ApplicationUser> userManager, ClaimsIdentityOptions claims, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            return false;
        }

        var principalStamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (userManager.SupportsUserSecurityStamp && principalStamp != await userManager.GetSecurityStampAsync(user))
        {
            return false;
        }

        var claimed = principal.FindAll(claims.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var held = (await userManager.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        return claimed.SetEquals(held);
    }
}
