using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Onboarding;

public sealed partial class HealthBoardPage
{
    [Inject] private HealthBoard Board { get; set; } = default!;
    [Inject] private HealthSnapshots Snapshots { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private HealthBoardView? _board;
    private string _csm = "";
    private string _band = "";
    private bool _asTable;
    private bool _busy;
    private bool _canWrite;

    /// <summary>
    /// The unfiltered board the prerender read, taken up by the interactive render (Blazor's persistent component state):
    /// the board is read once per visit, not once for the HTML and again for the circuit.
    /// </summary>
    [PersistentState]
    public HealthBoardView? Prerendered { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _canWrite = OnboardingAccess.CanWrite(CurrentUser);
        _board = Prerendered;
        if (_board is null)
        {
            await LoadAsync();
            Prerendered = PrerenderState.IfSmall(_board);
        }
    }

    private async Task LoadAsync() => _board = await Board.LoadAsync(CurrentUser, NullIfEmpty(_csm), NullIfEmpty(_band));

    private async Task CsmChangedAsync(string? value)
    {
        _csm = value ?? "";
        await LoadAsync();
    }

    private async Task BandChangedAsync(string? value)
    {
        _band = value ?? "";
        await LoadAsync();
    }

    private async Task SnapshotAsync()
    {
        _busy = true;
        try
        {
            OnboardingAccess.DemandWrite(CurrentUser);
            var run = await Snapshots.RecordTodayAsync();
            Snackbar.Add($"Recorded {run.Clients} clients' health for {run.Day:yyyy-MM-dd}; {run.EscalationsRaised} escalations raised.", Severity.Success);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CsvAsync()
    {
        var csv = CsvFile.Write(_board?.Cards ?? [],
            ("client_id", c => c.ClientId), ("company", c => c.Company), ("band", c => c.Band), ("score", c => c.Score), ("change_30d", c => c.Trend),
            ("coverage_percent", c => c.CoveragePercent), ("status", c => c.Status), ("csm", c => c.CsmOwner), ("open_escalations", c => c.OpenEscalations));
        await Js.DownloadCsvAsync("onboarding-health.csv", csv);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
