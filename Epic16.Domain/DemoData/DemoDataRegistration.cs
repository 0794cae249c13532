using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.DemoData;

public static class DemoDataRegistration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoDataSeeder>();
        return services;
    }
}
