using System.Security.Claims;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Epic16.Dashboard.Hosting;

/// <summary>The signed-in user, as the domain services see the caller (circuit or request).</summary>
public sealed class SignedInUser(AuthenticationStateProvider authentication, IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal Principal
    {
        get
        {
            if (http.HttpContext?.User is { Identity.IsAuthenticated: true } requestUser)
            {
                return requestUser;
            }

            var state = authentication.GetAuthenticationStateAsync();
            return state.IsCompletedSuccessfully ? state.Result.User : new ClaimsPrincipal();
        }
    }

    public string Name => Principal.Identity?.Name ?? "anonymous";

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
