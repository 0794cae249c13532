using Epic16.Domain.Abm;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Auditing;
using Epic16.Domain.Crm;
using Epic16.Domain.DemoData;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Executive;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain;

public static class DependencyInjection
{
    /// <summary>
    /// The domain's stores and services, the same for the web app and the CLI: one line per feature, each registering
    /// itself in its own folder (a new feature adds one line). Dual-write comes before monitoring: the router applies
    /// their context interceptors in registration order (mirror, then measuring) and starts their hosted services so.
    /// </summary>
    public static IServiceCollection AddEpic16Domain(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddPersistence(configuration)
            .AddSecurity(configuration)
            .AddAuditing()
            .AddCrm()
            .AddAcquisition()
            .AddAbm()
            .AddStoreMigration(configuration)
            .AddDualWrite(configuration)
            .AddMonitoring(configuration)
            .AddDemoData()
            .AddOnboarding(configuration)
            .AddExecutive();
}
