using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Persistence;

public static class PersistenceRegistration
{
    /// <summary>The platform context, the store settings and mode, and the router (which takes the <see cref="IStoreInterceptors"/> other modules register).</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<PlatformContext>((sp, options) =>
            PlatformStore.Configure(options, BusinessCoreConnection.From(configuration), sp));
        services.AddSingleton(_ => StoreSettings.From(configuration));
        services.AddSingleton<QuarantineCache>();
        services.AddSingleton<StoreModeState>();
        services.AddSingleton<IStoreRouter, StoreRouter>();
        services.AddScoped<DatabaseSetup>();
        return services;
    }
}
