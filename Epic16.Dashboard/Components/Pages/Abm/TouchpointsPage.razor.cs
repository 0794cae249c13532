using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Abm;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>Every touch, filtered and paged by the service; select several to shift them by days (all or none); CSV of the filtered set.</summary>
public partial class TouchpointsPage
{
    public const int MaxExportRows = 100_000;

    [Inject] private AbmTouchpoints Touchpoints { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "campaign")] public long? Campaign { get; set; }

    private MudDataGrid<TouchpointRow>? _grid;
    private TouchpointQuery _query = new();
    private HashSet<TouchpointRow> _selected = [];
    private int _shift = 1;
    private bool _canWrite, _busy, _exporting;
    private string? _message;

    protected override void OnInitialized()
    {
        _canWrite = AbmAccess.CanWrite(CurrentUser);
        _query = _query with { CampaignId = Campaign };
    }

    private async Task<GridData<TouchpointRow>> LoadAsync(GridState<TouchpointRow> state, CancellationToken ct)
    {
        var page = await Touchpoints.ListAsync(CurrentUser, _query with { Page = state.Page + 1, PageSize = state.PageSize }, ct);
        return new GridData<TouchpointRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task FilterAsync(TouchpointQuery query)
    {
        _query = query;
        _selected = [];
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task RescheduleAsync()
    {
        _busy = true;
        _message = null;
        try
        {
            var moved = await Touchpoints.RescheduleAsync(CurrentUser, [.. _selected.Select(t => t.Id)], _shift);
            Snackbar.Add($"{moved} touch(es) moved by {_shift} day(s).", Severity.Success);
            await FilterAsync(_query);
        }
        catch (TouchpointValidationException e)
        {
            _message = "Nothing was moved: " + string.Join(" ", e.Problems.Select(p => p.Message));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ExportAsync()
    {
        _exporting = true;
        try
        {
            var rows = new List<TouchpointRow>();
            for (var page = 1; rows.Count < MaxExportRows; page++)
            {
                var part = await Touchpoints.ListAsync(CurrentUser, _query with { Page = page, PageSize = TouchpointQuery.MaxPageSize });
                rows.AddRange(part.Items);
                if (page >= part.PageCount)
                {
                    break;
                }
            }

            await Js.DownloadCsvAsync("abm-touchpoints.csv", CsvFile.Write(rows,
                ("id", r => r.Id), ("campaign_id", r => r.CampaignId), ("campaign", r => r.CampaignName), ("prospect_id", r => r.ProspectId),
                ("account", r => r.Account), ("channel", r => r.Channel), ("asset_id", r => r.AssetId), ("asset", r => r.AssetTitle),
                ("scheduled_at", r => r.ScheduledAt), ("executed_at", r => r.ExecutedAt), ("status", r => r.Status),
                ("engagement_score", r => r.EngagementScore), ("notes", r => r.Notes)));
            Snackbar.Add($"{rows.Count:N0} touches exported.", Severity.Success);
        }
        finally
        {
            _exporting = false;
        }
    }
}
