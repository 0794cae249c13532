using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Abm;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>The campaigns with their KPI columns, filtered and paged by the service; CSV of every matching campaign.</summary>
public partial class CampaignsPage
{
    [Inject] private AbmCampaigns Campaigns { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private MudDataGrid<CampaignRow>? _grid;
    private CampaignQuery _query = new();
    private bool _exporting;
    private bool _canWrite;

    protected override void OnInitialized() => _canWrite = AbmAccess.CanWrite(CurrentUser);

    private async Task<GridData<CampaignRow>> LoadAsync(GridState<CampaignRow> state, CancellationToken ct)
    {
        var page = await Campaigns.ListAsync(CurrentUser, _query with { Page = state.Page + 1, PageSize = state.PageSize }, ct);
        return new GridData<CampaignRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task FilterAsync(CampaignQuery query)
    {
        _query = query;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task ExportAsync()
    {
        _exporting = true;
        try
        {
            var rows = new List<CampaignRow>();
            for (var page = 1; ; page++)
            {
                var part = await Campaigns.ListAsync(CurrentUser, _query with { Page = page, PageSize = CampaignQuery.MaxPageSize });
                rows.AddRange(part.Items);
                if (page >= part.PageCount)
                {
                    break;
                }
            }

            await Js.DownloadCsvAsync("abm-campaigns.csv", CsvFile.Write(rows,
                ("id", r => r.Id), ("name", r => r.Name), ("status", r => r.Status), ("tier", r => r.Tier), ("owner", r => r.Owner),
                ("start_date", r => r.StartDate), ("end_date", r => r.EndDate), ("target_accounts", r => r.TargetAccounts), ("touches", r => r.Touches),
                ("engaged_accounts", r => r.EngagedAccounts), ("engagement_rate_percent", r => r.EngagementRatePercent), ("meetings", r => r.Meetings),
                ("budget_usd", r => r.BudgetUsd), ("cost_per_meeting_usd", r => r.CostPerMeetingUsd)));
            Snackbar.Add($"{rows.Count:N0} campaigns exported.", Severity.Success);
        }
        finally
        {
            _exporting = false;
        }
    }

    private async Task NewAsync()
    {
        var dialog = await Dialogs.ShowAsync<CampaignFormDialog>("New campaign", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: CampaignDetail created })
        {
            Snackbar.Add($"{created.Name} created.", Severity.Success);
            Navigation.NavigateTo($"/abm/campaigns/{created.Id}");
        }
    }
}
