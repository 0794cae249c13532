using Bunit;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Tests.Components.Acquisition;

/// <summary>bUnit for the Sales pages over the real services on a fresh PostgreSQL store, signed in as a sales rep.</summary>
public abstract class SalesPageContext : BunitContext
{
    protected static readonly ICurrentUser Rep = TestUser.Rep;

    private readonly PostgresServer _postgres;
    private StoreScope? _store;

    // Registered now (bUnit takes no registrations once it handed out a service); resolved after UseStoreAsync made the store.
    protected SalesPageContext(PostgresServer postgres)
    {
        _postgres = postgres;
        Services.AddScoped(_ => Domain.GetRequiredService<ProspectService>());
        Services.AddScoped(_ => Domain.GetRequiredService<PipelineBoardService>());
        Services.AddScoped(_ => Domain.GetRequiredService<BusinessCaseService>());
        Services.AddScoped(_ => Domain.GetRequiredService<LeadScoringService>());
        Services.AddScoped(_ => Domain.GetRequiredService<SalesSequenceService>());
        Services.AddScoped(_ => Domain.GetRequiredService<RoiTrackingService>());
        Services.AddScoped(_ => Domain.GetRequiredService<ProspectActivityService>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Rep);

        // As BunitTestContext, after the registrations: setting the renderer info resolves services.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    private IServiceProvider Domain => (_store ?? throw new InvalidOperationException("Call UseStoreAsync first.")).Services.CreateScope().ServiceProvider;

    protected ProspectService Acquisition => Domain.GetRequiredService<ProspectService>();

    protected BusinessCaseService Cases => Domain.GetRequiredService<BusinessCaseService>();

    /// <summary>Creates the store the services work on; call before rendering.</summary>
    protected async Task UseStoreAsync()
    {
        _store = await StoreScope.CreateAsync(_postgres, "PostgresOnly");
    }

    protected async Task<ProspectRow> CreateAsync(string name, string? stage = null, decimal? arr = null, decimal? score = null)
    {
        var row = await Acquisition.CreateProspectAsync(Rep, new ProspectInput { CompanyName = name, EstimatedArrUsd = arr, LeadScore = score, Owner = "rep@epic16.test" });
        if (stage is not null)
        {
            Assert.True((await Acquisition.MoveStageAsync(Rep, row.Id, stage)).Allowed);
        }

        return (await Acquisition.SearchProspectsAsync(Rep, new ProspectQuery { Search = name })).Items.Single();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
