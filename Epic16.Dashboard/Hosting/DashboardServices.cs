using Epic16.Dashboard.Components.Account;
using Epic16.Domain;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Epic16.Dashboard.Hosting;

public static class DashboardServices
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<ICurrentUser, SignedInUser>();
        services.AddScoped<UserPreferences>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
        });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var (policy, roles) in AppPolicies.Roles)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        services.AddEpic16Domain(builder.Configuration);
        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql");
        services.AddHostedService<LegacyScanAtStart>();
        services.AddSingleton<RollbackTriggerWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<RollbackTriggerWatch>());
        return builder;
    }
}
