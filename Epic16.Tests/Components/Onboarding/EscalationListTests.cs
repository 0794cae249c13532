using Bunit;
using Epic16.Dashboard.Components.Pages.Onboarding;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Tests.Onboarding;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Epic16.Tests.Components.Onboarding;

/// <summary>The escalation table over the real queue service: a long queue renders one page of rows, names as text.</summary>
public sealed class EscalationListTests : BunitContext
{
    private readonly PostgresServer _postgres;
    private StoreScope? _store;
    private OnboardingKit? _kit;

    public EscalationListTests(PostgresServer postgres)
    {
        _postgres = postgres;
        Services.AddScoped(_ => _kit?.Escalations ?? throw new InvalidOperationException("No store yet."));
        Services.AddSingleton(OnboardingKit.Csm);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    [Fact]
    public async Task LongQueue_RendersOnePageOfRowsWithAPager()
    {
        _store = await StoreScope.CreateAsync(_postgres, "PostgresOnly");
        _kit = new OnboardingKit(_store);
        var day = new DateOnly(2026, 3, 10);
        var items = Enumerable.Range(1, 120).Select(i => new EscalationView(
            i, i, $"<b>Client {i}</b>", EscalationReason.AtRiskBand, "Score 42", "csm@epic16.test", day, day.AddDays(3), EscalationStatus.Open,
            null, null, null, null, Mine: i <= 3, Overdue: false)).ToList();

        var view = Render<EscalationList>(p => p.Add(v => v.Items, items).Add(v => v.CanWrite, true));

        Assert.Equal(50, view.FindAll("[data-testid=escalation-client]").Count);
        Assert.Equal(50, view.FindAll("[data-testid=acknowledge]").Count);
        Assert.Equal("<b>Client 1</b> (mine)", view.FindAll("[data-testid=escalation-client]")[0].TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=escalations-table] tbody b"));
        Assert.Contains("1-50 of 120", view.Find(".mud-table-pagination").TextContent);
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
