using System.Reflection;
using Epic16.Dashboard.Components.Layout;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Epic16.Tests.TestSupport;

/// <summary>
/// Every page of the dashboard, read from the app itself: the routable components under <c>Components/Pages</c> with their
/// <c>[Authorize]</c> policy. A page added later (with its <c>@page</c> and policy) is covered without editing a list.
/// </summary>
public static class AppRoutes
{
    public static IReadOnlyList<AppRoute> All { get; } =
    [
        .. typeof(AppSections).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Epic16.Dashboard.Components.Pages", StringComparison.Ordinal) == true && typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Route: r.Template, Authorize: t.GetCustomAttribute<AuthorizeAttribute>())))
            // Pages without [Authorize] (the error and not-found pages) are not places a role goes to.
            .Where(p => p.Authorize is not null)
            .Select(p => new AppRoute(p.Route, p.Authorize!.Policy))
            .OrderBy(r => r.HasParameters)
            .ThenBy(r => r.Template == "/" ? 0 : 1)
            .ThenBy(r => r.Template, StringComparer.Ordinal),
    ];

    /// <summary>The pages a role may open: no policy means any signed-in user.</summary>
    public static IReadOnlyList<AppRoute> For(string role) =>
        All.Where(r => r.Policy is null || (AppPolicies.Roles.TryGetValue(r.Policy, out var roles) && roles.Contains(role))).ToList();
}
