using Epic16.Domain.Crm;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// Evaluates the rollback triggers continuously (every `Rollback:EvaluationIntervalSeconds`) and keeps the latest
/// report for the admin pages' red banner and the status page; <see cref="Changed"/> tells them when it moves.
/// With `Rollback:Automatic` on, a tripped trigger in a PostgreSQL-primary mode takes SQLite back as primary (synced
/// first, dual-write kept), as the emergency switch does; SQLite-primary modes are left to the admin.
/// </summary>
public sealed class RollbackTriggerWatch(
    IServiceScopeFactory scopes,
    StoreModeState mode,
    Reconciler reconciler,
    StoreModes modes,
    StoreMonitor monitor,
    SharedLatency latency,
    RollbackLimits limits,
    TimeProvider clock,
    ILogger<RollbackTriggerWatch> log) : BackgroundService
{
    public static readonly SystemUser Actor = new("system:rollback-trigger");

    public TriggerReport Latest { get; private set; } = TriggerReport.NotYetEvaluated;

    public event Action<TriggerReport>? Changed;

    public async Task<TriggerReport> EvaluateNowAsync(CancellationToken ct = default)
    {
        var report = RollbackTriggerRules.Evaluate(await GatherAsync(ct), limits);
        var wasTripped = Latest.Tripped.Select(t => t.Key).ToHashSet();
        foreach (var trigger in report.Tripped.Where(t => !wasTripped.Contains(t.Key)))
        {
            log.LogWarning("Rollback trigger tripped in {Mode}: {Trigger}: {Figure} (limit {Limit})", mode.Mode, trigger.Name, trigger.Figure, trigger.Limit);
        }

        Latest = report;
        Changed?.Invoke(report);
        if (limits.AutomaticRollback && report.AnyTripped && StoreModeState.PrimaryOf(mode.Mode) == StoreKind.Postgres)
        {
            await RollBackAutomaticallyAsync(report, ct);
        }

        return report;
    }

    private async Task RollBackAutomaticallyAsync(TriggerReport report, CancellationToken ct)
    {
        var reason = "Automatic rollback: " + string.Join("; ", report.Tripped.Select(t => $"{t.Name}: {t.Figure}"));
        log.LogWarning("{Reason}. Taking SQLite back as primary", reason);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CutoverController>().ForceSqlitePrimaryAsync(Actor, reason, ct: ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EvaluateNowAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Evaluating the rollback triggers failed; trying again in {Interval}", limits.EvaluationInterval);
            }

            try
            {
                await Task.Delay(limits.EvaluationInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<TriggerInputs> GatherAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<MigrationOperations>();
        var crm = scope.ServiceProvider.GetRequiredService<CrmService>();

        var run = await operations.LatestParityAsync(ct);
        var parity = run is null ? null : ReportJson.ParityFrom(run.Report);
        var (missing, source) = MissingInPostgres(run, parity, reconciler.LastReport);
        var pipeline = await crm.PipelineAsync(ct);
        var baseline = await modes.DualWriteBaselineAsync(ct);
        var current = mode.Mode;
        var view = await latency.ReadAsync(ct);
        return new TriggerInputs(
            current,
            clock.GetUtcNow().UtcDateTime,
            missing,
            source,
            parity?.BusinessFigures.MaxBy(f => f.VariancePercent),
            pipeline.UntouchedUsd,
            baseline?.Epic7UntouchedUsd,
            [view.Summary(StoreKind.Sqlite, RollbackLimits.Window), view.Summary(StoreKind.Postgres, RollbackLimits.Window)],
            [monitor.Writes(StoreModeState.PrimaryOf(current))]);
    }

    /// <summary>
    /// Rows PostgreSQL lacks, from whichever is newer: the last validation, or the last reconcile pass (as the
    /// secondary: rows it could not be given; as the primary: rows only SQLite still holds).
    /// </summary>
    private static (long? Rows, string Source) MissingInPostgres(ParityRun? run, ParityReport? parity, ReconcileReport? pass)
    {
        if (pass is not null && pass.IsNewerThan(run))
        {
            var rows = pass.To == StoreKind.Postgres
                ? pass.Tables.Where(t => t.Found > t.Repaired).Sum(t => t.Missing)
                : pass.Tables.Sum(t => t.Extra);
            return (rows, $"reconcile at {pass.StartedAt:HH:mm:ss} UTC");
        }

        return parity is null ? (null, "no validation yet") : (parity.Tables.Sum(t => t.Missing), $"validation at {run!.RunAt:HH:mm:ss} UTC");
    }
}
