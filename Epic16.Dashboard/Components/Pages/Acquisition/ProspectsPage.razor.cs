using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Dashboard.Components.Pages.Acquisition;

/// <summary>The prospects grid: filtered, sorted and paged by the service in the database; CSV of the whole filtered set.</summary>
public partial class ProspectsPage
{
    [Inject] private ProspectService Acquisition { get; set; } = default!;
    [Inject] private PipelineBoardService Board { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The kanban's "more in the table" link opens the grid on one stage.</summary>
    [SupplyParameterFromQuery(Name = "stage")] public string? Stage { get; set; }

    private MudDataGrid<ProspectRow>? _grid;
    private ProspectQuery _query = new();
    private ProspectQuery _sorted = new();
    private IReadOnlyList<string> _owners = [];
    private IReadOnlyList<string> _industries = [];

    protected override async Task OnInitializedAsync()
    {
        _query = _query with { Stage = ProspectStatus.All.Contains(Stage) ? Stage : null };
        (_owners, _industries) = await Board.FilterChoicesAsync(CurrentUser);
    }

    private async Task<GridData<ProspectRow>> LoadAsync(GridState<ProspectRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = _query with
        {
            SortBy = sort?.SortBy switch
            {
                nameof(ProspectRow.FortuneRank) => ProspectSortField.Rank,
                nameof(ProspectRow.LeadScore) => ProspectSortField.Score,
                nameof(ProspectRow.EstimatedArrUsd) => ProspectSortField.Arr,
                nameof(ProspectRow.UpdatedAt) => ProspectSortField.Updated,
                _ => ProspectSortField.Company,
            },
            Descending = sort?.Descending ?? false,
            Page = state.Page + 1,
            PageSize = state.PageSize,
        };
        _sorted = query;
        var page = await Acquisition.SearchProspectsAsync(CurrentUser, query, ct);
        return new GridData<ProspectRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task FilterAsync(ProspectQuery query)
    {
        _query = query with { Page = 1 };
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    // The grid's filters and its current sort, as the export link's query.
    private string ExportHref => Hosting.ExportEndpoints.ProspectsHref(_query with { SortBy = _sorted.SortBy, Descending = _sorted.Descending });

    private async Task NewAsync()
    {
        var dialog = await Dialogs.ShowAsync<ProspectFormDialog>("New prospect", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: ProspectRow created })
        {
            Snackbar.Add($"{created.CompanyName} created.", Severity.Success);
            Navigation.NavigateTo($"/acquisition/prospects/{created.Id}");
        }
    }
}
