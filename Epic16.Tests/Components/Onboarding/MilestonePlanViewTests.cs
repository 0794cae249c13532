using Bunit;
using Epic16.Dashboard.Components.Pages.Onboarding;
using Epic16.Domain.Onboarding.Plans;
using Epic16.Domain.Onboarding.Templates;
using Epic16.Domain.Security;
using Epic16.Tests.Onboarding;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Epic16.Tests.Components.Onboarding;

/// <summary>The plan timeline over the real services on a fresh PostgreSQL store, signed in as a CSM.</summary>
public sealed class MilestonePlanViewTests : BunitContext
{
    private readonly PostgresServer _postgres;
    private StoreScope? _store;
    private OnboardingKit? _kit;

    public MilestonePlanViewTests(PostgresServer postgres)
    {
        _postgres = postgres;
        Services.AddScoped(_ => Kit.Plans);
        Services.AddScoped(_ => Kit.Templates);
        Services.AddSingleton(OnboardingKit.Csm);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    private OnboardingKit Kit => _kit ?? throw new InvalidOperationException("Call UseStoreAsync first.");

    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly PlanMilestone[] Plan =
    [
        new(1, "Kickoff", 0, new(2026, 3, 1), new(2026, 3, 1), "done", []),
        new(2, "Security", 10, new(2026, 3, 5), null, "in_progress", [1]),
        new(3, "SSO", 20, new(2026, 3, 12), null, "pending", [2]),
        new(4, "Data", 30, new(2026, 3, 20), null, "pending", [1]),
        new(5, "Go-live", 40, new(2026, 3, 25), null, "pending", [3, 4]),
    ];

    [Fact]
    public async Task Timeline_MarksCriticalPathBlockedOverdueAndTheSlip()
    {
        await UseStoreAsync();
        var view = Render<MilestonePlanView>(p => p.Add(v => v.ClientId, 1).Add(v => v.Plan, MilestonePlanner.Project(Plan, Today, new DateOnly(2026, 3, 25))).Add(v => v.CanWrite, true));

        var rows = view.FindAll("[data-testid=milestone]");
        Assert.Equal(["false", "true", "true", "false", "true"], rows.Select(r => r.GetAttribute("data-critical")));
        Assert.Equal(["false", "false", "true", "false", "true"], rows.Select(r => r.GetAttribute("data-blocked")));
        Assert.Equal("Blocked: waits for SSO, Data", rows[4].QuerySelector("[data-testid=milestone-status]")!.TextContent.Trim());
        Assert.Contains("Overdue", rows[1].TextContent);
        Assert.Contains("after SSO, Data", rows[4].TextContent);
        Assert.Contains("projected 2026-03-30 (5 days late)", rows[4].TextContent);
        Assert.Contains("Projected go-live 2026-03-30", view.Find("[data-testid=projected-golive]").TextContent);
        Assert.Equal("· 5 days late", view.Find("[data-testid=slip]").TextContent.Trim());
        Assert.Contains("Critical path: Security → SSO → Go-live", view.Markup);
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=complete]"));
        Assert.Equal("Complete Go-live", rows[4].QuerySelector("[data-testid=complete]")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task TableView_ListsEveryMilestone_AndReadersGetNoActions()
    {
        await UseStoreAsync();
        var view = Render<MilestonePlanView>(p => p.Add(v => v.ClientId, 1).Add(v => v.Plan, MilestonePlanner.Project(Plan, Today, new DateOnly(2026, 3, 25))).Add(v => v.CanWrite, false));

        Assert.Empty(view.FindAll("[data-testid=complete], [data-testid=start], [data-testid=change-due]"));
        await view.InvokeAsync(() => view.Find("input[data-testid=plan-as-table], [data-testid=plan-as-table] input").Change(true));

        var cells = view.FindAll("[data-testid=plan-table] tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal("Go-live|Blocked: waits for SSO, Data|SSO, Data|2026-03-25|2026-03-30|5|yes", cells[4]);
        Assert.Equal("Kickoff|Done||2026-03-01|2026-03-01|0|", cells[0]);
    }

    [Fact]
    public async Task Complete_BeforeTheDependency_ShowsTheRefusal_ThenInOrderSaves()
    {
        await UseStoreAsync();
        var (client, plan) = await Kit.ClientWithPlanAsync();
        var changed = 0;
        var view = Render<MilestonePlanView>(p => p.Add(v => v.ClientId, client.Id).Add(v => v.Plan, plan.Projection).Add(v => v.CanWrite, true)
            .Add(v => v.Changed, () => changed++));

        await view.InvokeAsync(() => Row(view, "Go-live").QuerySelector("[data-testid=complete]")!.Click());
        view.WaitForAssertion(() => Assert.Contains("\"Go-live\" cannot be completed before \"Build\" and \"Design\" are done.", view.Find("[data-testid=plan-message]").TextContent));
        Assert.Equal(0, changed);

        await view.InvokeAsync(() => Row(view, "Kickoff").QuerySelector("[data-testid=complete]")!.Click());
        view.WaitForAssertion(() => Assert.Contains("Completed \"Kickoff\".", view.Find("[data-testid=plan-message]").TextContent));
        Assert.Equal(1, changed);
        Assert.Equal("done", (await Kit.Plans.GetAsync(OnboardingKit.Csm, client.Id)).Projection.Milestones[0].Status);
    }

    [Fact]
    public async Task DueDate_PreviewShowsWhatMoves_BeforeSaving()
    {
        await UseStoreAsync();
        var (client, plan) = await Kit.ClientWithPlanAsync();
        var view = Render<MilestonePlanView>(p => p.Add(v => v.ClientId, client.Id).Add(v => v.Plan, plan.Projection).Add(v => v.CanWrite, true));

        await view.InvokeAsync(() => Row(view, "Design").QuerySelector("[data-testid=change-due]")!.Click());
        await view.InvokeAsync(() => view.Find("input[data-testid=new-due], [data-testid=new-due] input").Change("2026-04-04"));
        await view.InvokeAsync(() => view.Find("[data-testid=preview-due]").Click());

        view.WaitForAssertion(() => view.Find("[data-testid=due-preview]"));
        var preview = view.Find("[data-testid=due-preview]").TextContent;
        Assert.Contains("Go-live 2026-03-30 → 2026-04-04", preview);
        Assert.Contains("Design 2026-03-20 → 2026-04-04; Go-live 2026-03-30 → 2026-04-04", preview);
        Assert.Equal(new DateOnly(2026, 3, 20), (await Kit.Plans.GetAsync(OnboardingKit.Csm, client.Id)).Projection.Milestones[2].Due);

        await view.InvokeAsync(() => view.Find("[data-testid=save-due]").Click());
        view.WaitForAssertion(() => Assert.Contains("Due date saved", view.Find("[data-testid=plan-message]").TextContent));
        Assert.Equal(new DateOnly(2026, 4, 4), (await Kit.Plans.GetAsync(OnboardingKit.Csm, client.Id)).Projection.Milestones[2].Due);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<MilestonePlanView> view, string name) =>
        view.FindAll("[data-testid=milestone]").Single(r => r.QuerySelector("[data-testid=milestone-name]")!.TextContent.Trim() == name);

    private async Task UseStoreAsync()
    {
        _store = await StoreScope.CreateAsync(_postgres, "PostgresOnly");
        _kit = new OnboardingKit(_store);
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
