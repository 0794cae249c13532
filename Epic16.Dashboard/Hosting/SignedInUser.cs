using System.Security.Claims;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Epic16.Dashboard.Hosting;

/// <summary>
/// The signed-in user, as the domain services see the caller. In a circuit that is the authentication state, which
/// revalidation replaces when roles change; `HttpContext.User` there is a snapshot from when the circuit connected,
/// so it is read only where no authentication state exists (plain HTTP endpoints).
/// </summary>
public sealed class SignedInUser(AuthenticationStateProvider authentication, IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal Principal
    {
        get
        {
            try
            {
                var state = authentication.GetAuthenticationStateAsync();
                if (state.IsCompletedSuccessfully)
                {
                    return state.Result.User;
                }
            }
            catch (InvalidOperationException)
            {
                // No authentication state in this scope (an endpoint outside Razor components): the request's user is current.
            }

            return http.HttpContext?.User ?? new ClaimsPrincipal();
        }
    }

    public string Name => Principal.Identity?.Name ?? "anonymous";

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
