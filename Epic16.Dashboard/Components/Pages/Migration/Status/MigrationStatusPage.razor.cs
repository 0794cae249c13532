using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Migration.Status;

/// <summary>
/// The live view of a migration in progress: the mode and the controls to cut over or roll back (with their gates),
/// the rollback triggers, latency per store, the mirror, drift per table, the mode history and the audit log.
/// Refreshed every two seconds without a reload (gates every ten), and at once when the mode changes anywhere.
/// </summary>
public partial class MigrationStatusPage
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);
    private const int GatesEveryTicks = 5;

    private readonly CancellationTokenSource _stop = new();
    private CutoverStatus? _status;
    private IReadOnlyList<CutoverGate> _gates = [];
    private int _ticks;
    private bool _busy;
    private CutoverProgress? _progress;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private DateTime? _failedAt;
    private string? _failure;

    [Inject] private CutoverStatusService StatusService { get; set; } = default!;
    [Inject] private CutoverController Cutover { get; set; } = default!;
    [Inject] private StoreModeState ModeState { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private EmergencySwitch Emergency { get; set; } = default!;

    private StoreMode Mode => _status?.Mode.Mode ?? StoreMode.SqliteOnly;

    protected override async Task OnInitializedAsync()
    {
        _status = await StatusService.ViewAsync(CurrentUser, _stop.Token);
        _gates = _status.Gates ?? [];
        if (RendererInfo.IsInteractive)
        {
            ModeState.Changed += OnModeChanged;
            _ = KeepRefreshingAsync(_stop.Token);
        }
    }

    private void OnModeChanged(StoreModeSnapshot snapshot) => _ = InvokeAsync(async () =>
    {
        await RefreshAsync(withGates: true, _stop.Token);
        StateHasChanged();
    });

    private async Task KeepRefreshingAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync(withGates: ++_ticks % GatesEveryTicks == 0, ct);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    // One failed tick (a store down, a timeout) must not end the live view: the last figures stay, marked stale
    // since they were read, and the next tick tries again.
    private async Task RefreshAsync(bool withGates, CancellationToken ct)
    {
        try
        {
            _status = await StatusService.TickAsync(CurrentUser, withGates && !_busy, ct);
            _gates = _status.Gates ?? _gates;
            (_failedAt, _failure) = (null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            (_failedAt, _failure) = (Clock.GetUtcNow().UtcDateTime, $"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }

    private Task MoveForwardAsync() => ChangeModeAsync(rollback: false);

    private Task RollbackAsync() => ChangeModeAsync(rollback: true);

    private async Task ChangeModeAsync(bool rollback)
    {
        var from = Mode;
        if ((rollback ? CutoverController.Previous(from) : CutoverController.Next(from)) is not { } target)
        {
            return;
        }

        var parameters = new DialogParameters<ModeChangeDialog>
        {
            { d => d.From, from },
            { d => d.Target, target },
            { d => d.Rollback, rollback },
        };
        var dialog = await Dialogs.ShowAsync<ModeChangeDialog>(rollback ? "Roll back" : "Cut over", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: ModeChangeDialog.Confirmation confirmation })
        {
            return;
        }

        _busy = true;
        _message = null;
        var progress = new Progress<CutoverProgress>(p => _ = InvokeAsync(() =>
        {
            _progress = p;
            StateHasChanged();
        }));
        try
        {
            var result = rollback
                ? await Cutover.RollbackAsync(CurrentUser, confirmation.Reason, progress)
                : await Cutover.MoveForwardAsync(CurrentUser, target, confirmation.Typed, confirmation.Reason, progress);
            Show(Severity.Success, $"Now {result.To} (from {result.From}). Writes were paused for {result.Pause.TotalMilliseconds:N0} ms"
                + (result.FinalReconcile is { } r ? $"; the final reconcile repaired {r.Repaired:N0} of {r.Found:N0} drifted rows." : "."));
        }
        catch (CutoverRefusedException refused)
        {
            Show(Severity.Error, refused.Message);
        }
        catch (Exception e) when (e is AccessDeniedException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            Show(Severity.Error, e.Message);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            Show(Severity.Error, $"The switch did not happen: a store could not be reached ({e.GetType().Name}). The mode is unchanged; try again.");
        }
        finally
        {
            _busy = false;
            _progress = null;
            await RefreshAsync(withGates: true, _stop.Token);
        }
    }

    // The live region's text: each step of the switch as it starts, then the outcome.
    private string? ProgressAnnouncement => _progress is { } p ? $"{p.Step}: step {p.Index} of {p.Steps}." : _message;

    private void Show(Severity severity, string message) => (_messageSeverity, _message) = (severity, message);

    private async Task DownloadReportAsync(bool markdown)
    {
        var (hours, from, to) = await StatusService.LastDayAsync(CurrentUser);
        if (markdown)
        {
            await Js.InvokeVoidAsync("epic16.downloadText", "dual-write-report.md", "text/markdown;charset=utf-8", DualWriteReportFiles.Markdown(hours, from, to));
        }
        else
        {
            await Js.DownloadCsvAsync("dual-write-report.csv", DualWriteReportFiles.Csv(hours));
        }
    }

    public async ValueTask DisposeAsync()
    {
        ModeState.Changed -= OnModeChanged;
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
