using Epic16.Domain.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.DualWrite;

public static class DualWriteRegistration
{
    /// <summary>The mirror on primary contexts, write gate, reconciler, cutover, mode switching and listening, hourly figures (`DualWrite:*`).</summary>
    public static IServiceCollection AddDualWrite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => DualWriteSettings.From(configuration));
        services.AddSingleton<StoreModes>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<WriteGateBroadcast>();
        services.AddSingleton<MirrorLog>();
        services.AddSingleton<SequenceControl>();
        services.AddSingleton<IStoreInterceptors, MirrorOnPrimary>();
        services.AddSingleton<ChangedKeyRecorder>();
        services.AddSingleton<ReconcileWatermarks>();
        services.AddSingleton<Reconciler>();
        services.AddScoped<CutoverGates>();
        services.AddScoped<CutoverController>();
        services.AddScoped<CutoverStatusService>();
        services.AddSingleton<EmergencySwitch>();
        services.AddSingleton<StoreModeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreModeListener>());
        services.AddSingleton<ReconcilerService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReconcilerService>());
        services.AddSingleton<DualWriteHourWriter>();
        services.AddSingleton<DualWriteReport>();
        services.AddHostedService(sp => sp.GetRequiredService<DualWriteHourWriter>());
        return services;
    }
}
