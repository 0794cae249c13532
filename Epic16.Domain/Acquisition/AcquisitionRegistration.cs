using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Conversion;
using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Domain.Acquisition;

public static class AcquisitionRegistration
{
    public static IServiceCollection AddAcquisition(this IServiceCollection services)
    {
        services.AddScoped<LeadScoringService>();
        services.AddScoped<ProspectService>();
        services.AddScoped<BusinessCaseService>();
        services.AddScoped<PipelineBoardService>();
        services.AddScoped<ProspectActivityService>();
        services.AddScoped<SalesSequenceService>();
        services.AddScoped<RoiTrackingService>();
        services.AddScoped<CrmConversionService>();
        return services;
    }
}
