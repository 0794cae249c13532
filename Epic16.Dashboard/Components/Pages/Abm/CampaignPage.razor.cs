using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Abm;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Abm.Content;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>A campaign: its timeline (paged by account) and heat map beside its figures and attribution; Sales plan, edit and record outcomes here.</summary>
public partial class CampaignPage
{
    [Inject] private CampaignReportService Reports { get; set; } = default!;
    [Inject] private CampaignService Campaigns { get; set; } = default!;
    [Inject] private TouchpointService Touchpoints { get; set; } = default!;
    [Inject] private ContentLibraryService Content { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private CampaignDashboard? _data;
    private HeatMap? _heatMap;
    private IReadOnlyList<ContentAssetCard> _assets = [];
    private bool _canWrite, _missing, _planning;
    private string? _moveMessage;
    private int _page = 1;

    /// <summary>
    /// What the prerender read for this campaign, taken up once by the interactive render (Blazor's persistent component
    /// state): the dashboard's figures, attribution and timeline are read once per visit, not once for the HTML and again
    /// for the circuit.
    /// </summary>
    [PersistentState]
    public CampaignRead? Prerendered { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _canWrite = AbmAccess.CanWrite(CurrentUser);
        if (Prerendered is { } read && read.Id == Id)
        {
            (_data, _assets, Prerendered) = (read.Dashboard, read.Assets, null);
            return;
        }

        if (_canWrite)
        {
            _assets = await Content.ListAsync(CurrentUser, new ContentQuery { Active = true });
        }

        await ReloadAsync();
        if (!RendererInfo.IsInteractive && _data is not null)
        {
            Prerendered = PrerenderState.IfSmall(new CampaignRead(Id, _data, _assets));
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            _data = await Reports.DashboardAsync(CurrentUser, Id);
            if (_page > 1)
            {
                await PageAsync(_page);
            }
        }
        catch (KeyNotFoundException)
        {
            _missing = true;
        }
    }

    private async Task PageAsync(int page)
    {
        _page = page;
        var timeline = await Reports.TimelineAsync(CurrentUser, Id, page);
        _heatMap = await Reports.HeatMapAsync(CurrentUser, Id, page);
        _data = _data! with { Timeline = timeline };
    }

    private async Task MoveAsync(string to)
    {
        var result = await Campaigns.MoveStatusAsync(CurrentUser, Id, to);
        _moveMessage = result.Allowed ? null : result.Why;
        await ReloadAsync();
    }

    private async Task EditAsync()
    {
        var parameters = new DialogParameters<CampaignFormDialog> { { d => d.Campaign, _data!.Campaign } };
        var dialog = await Dialogs.ShowAsync<CampaignFormDialog>("Edit campaign", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Campaign saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task PlannedAsync(int created)
    {
        _planning = false;
        Snackbar.Add($"{created:N0} touches planned.", Severity.Success);
        await ReloadAsync();
    }

    private async Task EditTouchAsync(long touchId)
    {
        var touch = await Touchpoints.GetAsync(CurrentUser, touchId);
        var parameters = new DialogParameters<TouchEditDialog> { { d => d.Touch, touch } };
        var dialog = await Dialogs.ShowAsync<TouchEditDialog>("Touch", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
            StateHasChanged();
        }
    }

    public sealed record CampaignRead(long Id, CampaignDashboard Dashboard, IReadOnlyList<ContentAssetCard> Assets);
}
