using Epic16.Domain.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Monitoring;

public static class MonitoringRegistration
{
    /// <summary>Latency and error figures on every measured context, shared by every instance through PostgreSQL (`Monitoring:*`), and the rollback triggers (`Rollback:*`).</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StoreMonitor>();
        services.AddSingleton<IStoreInterceptors, MonitorAllContexts>();
        services.AddSingleton(_ => MonitoringSettings.From(configuration));
        services.AddSingleton<SharedLatency>();
        services.AddSingleton<LatencyFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<LatencyFlusher>());
        services.AddSingleton(_ => RollbackLimits.From(configuration));
        services.AddSingleton<RollbackTriggerWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<RollbackTriggerWatch>());
        return services;
    }
}
