using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Crm;

public static class CrmRegistration
{
    public static IServiceCollection AddCrm(this IServiceCollection services)
    {
        services.AddScoped<CrmService>();
        return services;
    }
}
