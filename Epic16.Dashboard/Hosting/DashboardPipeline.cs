using System.Text.Json;
using Epic16.Dashboard.Components;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Epic16.Dashboard.Hosting;

public static class DashboardPipeline
{
    public static WebApplication UseDashboard(this WebApplication app)
    {
        // Behind the proxy, scheme and client address come from X-Forwarded-*: HSTS, Secure cookies and redirects need the real scheme.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders();

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapExports();
        return app;
    }

    // Anyone (a load balancer) gets the overall status; only a signed-in Admin sees each check with its host, path or error.
    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        object body = context.User.IsInRole(AppRoles.Admin)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
