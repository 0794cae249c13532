using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Onboarding.Communications;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Onboarding.Plans;
using Epic16.Domain.Onboarding.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Onboarding;

public static class OnboardingRegistration
{
    /// <summary>Clients, templates, milestone plans, health (weights from configuration, refused unless they sum to 100), escalations, communications and the daily snapshot job.</summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => HealthWeights.From(configuration));
        services.AddScoped<OnboardingClients>();
        services.AddScoped<SuccessTemplates>();
        services.AddScoped<MilestonePlans>();
        services.AddScoped<HealthInputs>();
        services.AddScoped<HealthSnapshots>();
        services.AddScoped<HealthBoard>();
        services.AddScoped<ClientHealth>();
        services.AddScoped<LegacyScoreVariance>();
        services.AddScoped<EscalationQueue>();
        services.AddScoped<CommunicationLog>();
        services.AddHostedService<DailySnapshotJob>();
        return services;
    }
}
