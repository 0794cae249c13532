using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Auditing;

public static class AuditingRegistration
{
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        return services;
    }
}
