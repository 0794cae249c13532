using Epic16.Dashboard.Components.Account;
using Epic16.Domain;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Epic16.Dashboard.Hosting;

public static class DashboardServices
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Pages carry their prerendered data into the circuit (PrerenderState), and the browser sends it back in the circuit's
        // first message: Blazor's 32 KB limit on a message would refuse the health board's 60 cards (about 55 KB).
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = Components.Shared.PrerenderState.MaxCircuitMessageBytes);
        services.AddMudServices();
        services.AddHttpContextAccessor();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        var session = SessionSettings.From(builder.Configuration);
        services.AddSingleton(session);
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        // The cookie is re-checked against the stamp as often as circuits are, so a role change also reaches new requests.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = session.RevalidationInterval);
        services.AddScoped<ICurrentUser, SignedInUser>();
        services.AddScoped<UserPreferences>();
        services.AddScoped<AccountAudit>();

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
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddProxySupport(builder.Configuration);

        // A page or endpoint without [Authorize]/[AllowAnonymous] is closed to anonymous callers, not open.
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in AppPolicies.Roles)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        services.AddEpic16Domain(builder.Configuration);
        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql").AddCheck<LegacyStoreHealthCheck>("legacy-sqlite");
        services.AddHostedService<LegacyScanAtStart>();
        return builder;
    }
}
