using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Executive;

public static class ExecutiveRegistration
{
    public static IServiceCollection AddExecutive(this IServiceCollection services) =>
        services.AddScoped<ExecutiveFiguresService>();
}
