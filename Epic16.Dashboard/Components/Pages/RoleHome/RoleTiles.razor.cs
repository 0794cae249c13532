using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Sequences;
using Epic16.Domain.Executive;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Dashboard.Components.Pages.RoleHome;

/// <summary>
/// The home tiles by role, each read from the service that owns the figure: Sales its due sequence steps and hottest
/// accounts; CustomerSuccess open escalations and at-risk clients; Executive the KPI cards; Admin the store mode, open
/// quarantine and tripped rollback triggers.
/// </summary>
public sealed partial class RoleTiles
{
    private const int Shown = 5;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private readonly List<RoleTile> _tiles = [];
    private bool _unavailable;

    /// <summary>
    /// The tiles the prerender read, carried into the page and taken up by the interactive render (Blazor's persistent
    /// component state), so a home's figures are read once per visit, not once for the HTML and again for the circuit.
    /// </summary>
    [PersistentState]
    public List<RoleTile>? Loaded { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Loaded is not null)
        {
            _tiles.AddRange(Loaded);
            return;
        }

        try
        {
            await LoadTilesAsync();
            Loaded = PrerenderState.IfSmall<List<RoleTile>>([.. _tiles]);
        }
        catch (Exception e) when (Layout.PageErrorNotice.IsStoreFailure(e))
        {
            // The home stays usable without its figures: the section tiles below need no database.
            _tiles.Clear();
            _unavailable = true;
        }
    }

    private async Task LoadTilesAsync()
    {
        if (CurrentUser.IsInRole(AppRoles.Sales))
        {
            var due = await Get<SalesSequenceService>().DueTodayAsync(CurrentUser, CurrentUser.Name, OnboardingClock.Today(Clock));
            _tiles.Add(new("due", "Sequence steps due", due.Count.ToString(),
                [.. due.Take(Shown).Select(d => $"{d.CompanyName}: step {d.StepNumber} ({d.Channel})")], "/acquisition/pipeline", "Open the pipeline"));
            var hot = await Get<ProspectService>().SearchProspectsAsync(CurrentUser,
                new ProspectQuery { Owner = CurrentUser.Name, SortBy = ProspectSortField.Score, Descending = true, PageSize = Shown });
            _tiles.Add(new("hottest", "Hottest accounts", hot.TotalCount.ToString(),
                [.. hot.Items.Select(p => $"{p.CompanyName}: score {p.LeadScore:0.#}")], "/acquisition/prospects", "Open the prospects"));
        }

        if (CurrentUser.IsInRole(AppRoles.CustomerSuccess))
        {
            var open = await Get<EscalationQueue>().PageAsync(CurrentUser, includeResolved: false, skip: 0, take: Shown);
            _tiles.Add(new("escalations", "Open escalations", open.Open.ToString(),
                [.. open.Items.Select(e => $"{e.Company}: {e.ReasonLabel}")], "/onboarding/escalations", "Open the escalation queue"));
            var atRisk = await Get<HealthBoard>().LoadAsync(CurrentUser, band: HealthBands.AtRisk, take: Shown);
            _tiles.Add(new("atrisk", "Clients at risk", atRisk.Matching.ToString(),
                [.. atRisk.Cards.Select(c => $"{c.Company}: {c.Score:0.#}")], "/onboarding", "Open the health board"));
        }

        if (CurrentUser.IsInRole(AppRoles.Executive))
        {
            var cards = await Get<ExecutiveFiguresService>().PipelineCardsAsync(CurrentUser);
            _tiles.AddRange(cards.Take(6).Select(c => new RoleTile("kpi-" + c.Key, c.Title, c.Value, c.Against is null ? [] : [c.Against], "/executive", "Open the executive view")));
        }

        if (CurrentUser.IsInRole(AppRoles.Admin))
        {
            var mode = Get<StoreModeState>().Mode;
            _tiles.Add(new("mode", "Store mode", mode.ToString(), [], "/admin/migration/status", "Open migration status"));
            var quarantine = await Get<QuarantineLog>().OpenRowsPerTableAsync();
            _tiles.Add(new("quarantine", "Open quarantine", quarantine.Values.Sum().ToString(),
                [.. quarantine.Where(q => q.Value > 0).Select(q => $"{q.Key}: {q.Value}")], "/admin/migration", "Open the migration page"));
            var tripped = Get<RollbackTriggerWatch>().Latest.Triggers.Where(t => t.Tripped).ToList();
            _tiles.Add(new("triggers", "Tripped rollback triggers", tripped.Count.ToString(),
                [.. tripped.Select(t => $"{t.Name}: {t.Figure} (limit {t.Limit})")], "/admin/migration/status", "Open migration status"));
        }
    }

    private T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
