using Epic16.Domain.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Monitoring;

public static class MonitoringRegistration
{
    /// <summary>Latency and error figures on every measured context, and the rollback triggers (`Rollback:*`).</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StoreMonitor>();
        services.AddSingleton<IStoreInterceptors, MonitorAllContexts>();
        services.AddSingleton(_ => RollbackLimits.From(configuration));
        services.AddSingleton<RollbackTriggerWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<RollbackTriggerWatch>());
        return services;
    }
}
