using Epic16.Domain.Abm.Attribution;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Abm.Content;
using Epic16.Domain.Abm.Engagement;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Abm.Touchpoints;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Abm;

public static class AbmServiceCollectionExtensions
{
    /// <summary>The ABM services: campaigns, content library, touchpoints, engagement, attribution and performance.</summary>
    public static IServiceCollection AddAbm(this IServiceCollection services)
    {
        services.AddScoped<AbmCampaigns>();
        services.AddScoped<ContentLibrary>();
        services.AddScoped<AbmTouchpoints>();
        services.AddScoped<AccountEngagement>();
        services.AddScoped<CampaignAttribution>();
        services.AddScoped<CampaignReports>();
        return services;
    }
}
