using Bunit;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Epic16.Tests.Components.Abm;

/// <summary>bUnit for the ABM components over the real services on a fresh PostgreSQL store, signed in as a sales rep.</summary>
public abstract class AbmPageContext : BunitContext
{
    protected static readonly ICurrentUser Rep = TestUser.Rep;

    private readonly PostgresServer _postgres;
    private StoreScope? _store;

    // The services the component injects are registered now (bUnit takes no registrations once it handed one out) and
    // resolved from the store UseStoreAsync makes; the renderer info goes last, since setting it resolves services.
    protected AbmPageContext(PostgresServer postgres, params Type[] services)
    {
        _postgres = postgres;
        foreach (var service in services)
        {
            Services.AddScoped(service, _ => Domain.GetRequiredService(service));
        }

        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Rep);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    protected IServiceProvider Domain => (_store ?? throw new InvalidOperationException("Call UseStoreAsync first.")).Services.CreateScope().ServiceProvider;

    protected async Task UseStoreAsync() => _store = await StoreScope.CreateAsync(_postgres, "PostgresOnly");

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
