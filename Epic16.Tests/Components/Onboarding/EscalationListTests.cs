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

/// <summary>
/// The escalation table over the real queue service: a long queue renders one page of rows, names as text; the queue page
/// reads each page from the server, the caller's own first, with the counts of the whole queue.
/// </summary>
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

    [Fact]
    public async Task QueuePage_ReadsOnePageFromTheServer_MineFirst_WithTheCounts()
    {
        _store = await StoreScope.CreateAsync(_postgres, "PostgresOnly");
        _kit = new OnboardingKit(_store);
        var (client, _) = await _kit.ClientWithPlanAsync("<i>Markup Inc</i>");
        await SeedAsync(_kit, client.Id, open: 117, mine: 3, resolved: 5);

        var page = Render<EscalationsPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(50, page.FindAll("[data-testid=escalation-client]").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("3 yours, 117 open in all", page.Find("[data-testid=queue-summary]").TextContent);
        Assert.Contains("1-50 of 117", page.Find(".mud-table-pagination").TextContent);
        var first = page.FindAll("[data-testid=escalation-client]").Take(4).Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["<i>Markup Inc</i> (mine)", "<i>Markup Inc</i> (mine)", "<i>Markup Inc</i> (mine)", "<i>Markup Inc</i>"], first);
        Assert.Empty(page.FindAll("[data-testid=escalations-table] tbody i"));

        page.Find("input[data-testid=include-resolved], [data-testid=include-resolved] input").Change(true);
        await page.WaitForAssertionAsync(() => Assert.Contains("1-50 of 122", page.Find(".mud-table-pagination").TextContent), TimeSpan.FromSeconds(10));
    }

    // A read the reload superseded finishes last: MudTable drops its page (it cancels the read's token), and the counts must
    // drop it too, or the summary would show the older read's counts beside the newer page.
    [Fact]
    public async Task SupersededRead_ReachesNeitherTheTableNorTheCounts()
    {
        _store = await StoreScope.CreateAsync(_postgres, "PostgresOnly");
        _kit = new OnboardingKit(_store);
        var day = new DateOnly(2026, 3, 10);
        EscalationPage Page(int total) => new([.. Enumerable.Range(1, 3).Select(i => new EscalationView(
            i, i, $"Client {i} of {total}", EscalationReason.AtRiskBand, "Score 42", "csm@epic16.test", day, day.AddDays(3), EscalationStatus.Open,
            null, null, null, null, Mine: false, Overdue: false))], total, total, 0);
        var first = new TaskCompletionSource<EscalationPage>();
        var reads = 0;
        var shown = new List<int>();
        Task<EscalationPage> Pages(int skip, int take, CancellationToken ct) => ++reads == 1 ? first.Task : Task.FromResult(Page(122));

        var list = Render<EscalationList>(p => p.Add(v => v.Pages, Pages).Add(v => v.PageShown, (EscalationPage page) => shown.Add(page.Total)));
        await list.InvokeAsync(() => list.Instance.ReloadAsync());
        await list.WaitForAssertionAsync(() => Assert.Contains("1-50 of 122", list.Find(".mud-table-pagination").TextContent), TimeSpan.FromSeconds(10));
        await list.InvokeAsync(() => first.SetResult(Page(117)));
        await list.InvokeAsync(() => { }); // whatever the late answer queued on the renderer has run

        Assert.Equal([122], shown);
        await Assert.ThrowsAsync<Bunit.Extensions.WaitForHelpers.WaitForFailedException>(() =>
            list.WaitForAssertionAsync(() => Assert.Contains("of 117", list.Find(".mud-table-pagination").TextContent), TimeSpan.FromSeconds(2)));
        Assert.Equal(2, reads);
        Assert.Contains("Client 1 of 122", list.Markup);
    }

    [Fact]
    public async Task PageAsync_IsTheWholeQueuesSlice_InTheSameOrder()
    {
        _store = await StoreScope.CreateAsync(_postgres, "PostgresOnly");
        _kit = new OnboardingKit(_store);
        var (client, _) = await _kit.ClientWithPlanAsync();
        await SeedAsync(_kit, client.Id, open: 40, mine: 7, resolved: 6);

        var whole = await _kit.Escalations.QueueAsync(OnboardingKit.Csm, includeResolved: true);
        var second = await _kit.Escalations.PageAsync(OnboardingKit.Csm, includeResolved: true, skip: 25, take: 25);

        Assert.Equal(whole.Skip(25).Take(25).Select(e => e.Id), second.Items.Select(e => e.Id));
        Assert.Equal((46, 40, 7), (second.Total, second.Open, second.MineOpen));
        Assert.All(whole.Take(7), e => Assert.True(e.Mine));
        Assert.All(whole.TakeLast(6), e => Assert.Equal(EscalationStatus.Resolved, e.Status));
        Assert.Equal(whole.Skip(7).Take(33).Select(e => e.DueOn).Order(), whole.Skip(7).Take(33).Select(e => e.DueOn));
    }

    // Open escalations (the first `mine` owned by the CSM, the rest by another), then resolved ones, all on one client
    // (the unique index allows one open per client and reason, so the rows differ in reason text).
    private static async Task SeedAsync(OnboardingKit kit, long clientId, int open, int mine, int resolved)
    {
        var day = kit.Today;
        await using var control = await kit.Platform.CreateDbContextAsync();
        control.Escalations.AddRange(Enumerable.Range(0, open + resolved).Select(i => new Escalation
        {
            ClientId = clientId, Reason = $"seeded-{i}", Detail = $"Seeded {i}", Owner = i < mine ? OnboardingKit.Csm.Name.ToUpperInvariant() : OnboardingKit.OtherCsm.Name,
            RaisedOn = day, DueOn = day.AddDays((i * 7) % 30), RaisedAt = DateTime.UtcNow,
            Status = i < open ? EscalationStatus.Open : EscalationStatus.Resolved,
        }));
        await control.SaveChangesAsync();
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
