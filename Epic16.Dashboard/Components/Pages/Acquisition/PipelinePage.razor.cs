using Epic16.Dashboard.Components.Charts;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Dashboard.Components.Pages.Acquisition;

/// <summary>
/// The kanban: a column per stage with its count, total and weighted value; dragging a card moves the prospect through
/// the stage rules (a refused move is explained and the card goes back), lost asks for a reason, converted is left to the
/// prospect page's Convert, and every move can be undone from the snackbar.
/// </summary>
public partial class PipelinePage
{
    public const string ConvertRefusal = "A prospect is converted only by converting it into CRM contacts: use Convert on the prospect page.";

    [Inject] private PipelineBoardService Board { get; set; } = default!;
    [Inject] private ProspectService Acquisition { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private MudDropContainer<ProspectRow>? _container;
    private IReadOnlyList<PipelineColumn> _columns = [];
    private List<ProspectRow> _cards = [];
    private IReadOnlyList<string> _owners = [];
    private IReadOnlyList<string> _industries = [];
    private ProspectQuery _query = new();
    private string? _refusal;
    private string? _announcement;
    private long? _focusCardId;
    private bool _loading = true;

    private decimal OpenTotal => _columns.Where(c => StageProbability.IsOpen(c.Stage)).Sum(c => c.TotalUsd);

    private decimal WeightedTotal => _columns.Where(c => StageProbability.IsOpen(c.Stage)).Sum(c => c.WeightedUsd);

    private ApexChartOptions WeightedChart => new(ApexChartType.Bar)
    {
        Height = 260,
        Categories = [.. _columns.Select(c => StageNames.Of(c.Stage))],
        ValueFormat = ChartValueFormat.Money,
        Colors = ["#1f4e8c"],
        FileName = "weighted-pipeline-by-stage",
    };

    private IReadOnlyList<ChartSeries> WeightedSeries => [new("Weighted ARR", [.. _columns.Select(c => (decimal?)c.WeightedUsd)])];

    protected override async Task OnInitializedAsync()
    {
        (_owners, _industries) = await Board.FilterChoicesAsync(CurrentUser);
        await LoadAsync();
    }

    private async Task FilterAsync(ProspectQuery query)
    {
        _query = query;
        _focusCardId = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _columns = await Board.LoadAsync(CurrentUser, _query);
        _cards = [.. _columns.SelectMany(c => c.Cards)];
        _loading = false;
        StateHasChanged();
        _container?.Refresh();
    }

    private async Task DroppedAsync(MudItemDropInfo<ProspectRow> drop)
    {
        if (drop.Item is { } card && drop.DropzoneIdentifier != card.Status)
        {
            await MoveAsync(card, drop.DropzoneIdentifier, fromMenu: false);
        }
    }

    // Dragging and the card's "Move to…" menu take the same path: the same rules, lost reason, refusal and undo.
    private async Task MoveAsync(ProspectRow card, string to, bool fromMenu)
    {
        _focusCardId = fromMenu ? card.Id : null;
        if (to == ProspectStatus.Converted)
        {
            Refuse(ConvertRefusal);
            return;
        }

        string? reason = null;
        if (to == ProspectStatus.Lost)
        {
            reason = await AskLostReasonAsync(card);
            if (reason is null)
            {
                Refuse(null);
                return;
            }
        }

        var move = await Acquisition.MoveStageAsync(CurrentUser, card.Id, to, reason);
        if (!move.Allowed)
        {
            Refuse(move.Why);
            return;
        }

        _refusal = null;
        _announcement = $"{card.CompanyName} moved to {StageNames.Of(to)}. Undo is offered in the notification.";
        await LoadAsync();
        Snackbar.Add($"{card.CompanyName} moved to {StageNames.Of(to)}.", Severity.Success, config =>
        {
            config.Action = "Undo";
            config.ActionColor = Color.Inherit;
            config.OnClick = _ => InvokeAsync(() => UndoAsync(card, move));
        });
    }

    private async Task UndoAsync(ProspectRow card, StageMoveResult move)
    {
        var undo = await Acquisition.UndoStageMoveAsync(CurrentUser, card.Id, move);
        _refusal = undo.Allowed ? null : undo.Why;
        _announcement = undo.Allowed ? $"{card.CompanyName} is back in {StageNames.Of(move.From!)}." : $"Undo refused: {undo.Why}";
        if (undo.Allowed)
        {
            Snackbar.Add($"{card.CompanyName} is back in {StageNames.Of(move.From!)}.", Severity.Info);
        }

        await LoadAsync();
    }

    // The card goes back: the container is redrawn from the unchanged list.
    private void Refuse(string? why)
    {
        _refusal = why;
        _announcement = why is null ? "Move cancelled." : $"Move refused: {why}";
        _cards = [.. _cards];
        StateHasChanged();
        _container?.Refresh();
    }

    private async Task<string?> AskLostReasonAsync(ProspectRow card)
    {
        var parameters = new DialogParameters<LostReasonDialog> { { d => d.Company, card.CompanyName } };
        var dialog = await Dialogs.ShowAsync<LostReasonDialog>("Mark as lost", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string reason } ? reason : null;
    }
}
