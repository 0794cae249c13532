using Epic16.Domain.Auditing;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Microsoft.AspNetCore.Components;

namespace Epic16.Dashboard.Components.Pages.Migration.Status;

/// <summary>
/// The live view of a migration in progress: the mode, the rollback triggers, latency per store and the audit
/// log, refreshed every two seconds without a reload.
/// </summary>
public partial class MigrationStatusPage
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private StoreMode _mode;
    private TriggerReport _triggers = TriggerReport.NotYetEvaluated;
    private IReadOnlyList<StoreLatency> _latencies = [];
    private IReadOnlyDictionary<StoreKind, IReadOnlyList<LatencyPoint>> _series = new Dictionary<StoreKind, IReadOnlyList<LatencyPoint>>();
    private IReadOnlyList<AuditEntry> _audit = [];
    private DateTime _refreshedAt;

    [Inject] private IStoreRouter Router { get; set; } = default!;
    [Inject] private StoreMonitor Monitor { get; set; } = default!;
    [Inject] private RollbackTriggerWatch Triggers { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private RollbackLimits Limits { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await RefreshAsync(_stop.Token);
        if (RendererInfo.IsInteractive)
        {
            _ = KeepRefreshingAsync(_stop.Token);
        }
    }

    private async Task KeepRefreshingAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync(ct);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        _mode = Router.Mode;
        _triggers = Triggers.Latest;
        _latencies =
        [
            .. Enum.GetValues<StoreKind>().SelectMany(store => new[] { Monitor.Summary(store, RollbackLimits.Window), Monitor.Summary(store, StoreMonitor.Horizon) }),
        ];
        _series = Enum.GetValues<StoreKind>().ToDictionary(store => store, store => Monitor.Series(store));
        _audit = await Audit.LatestAsync(30, ct);
        _refreshedAt = Clock.GetUtcNow().UtcDateTime;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
