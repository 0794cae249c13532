using Epic16.Domain.Crm;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// Evaluates the rollback triggers continuously (every `Rollback:EvaluationIntervalSeconds`) and keeps the latest
/// report for the admin pages' red banner and the status page; <see cref="Changed"/> tells them when it moves.
/// </summary>
public sealed class RollbackTriggerWatch(
    IServiceScopeFactory scopes,
    IStoreRouter router,
    StoreMonitor monitor,
    RollbackLimits limits,
    TimeProvider clock,
    ILogger<RollbackTriggerWatch> log) : BackgroundService
{
    public TriggerReport Latest { get; private set; } = TriggerReport.NotYetEvaluated;

    public event Action<TriggerReport>? Changed;

    public async Task<TriggerReport> EvaluateNowAsync(CancellationToken ct = default)
    {
        var report = RollbackTriggerRules.Evaluate(await GatherAsync(ct), limits);
        var wasTripped = Latest.Tripped.Select(t => t.Key).ToHashSet();
        foreach (var trigger in report.Tripped.Where(t => !wasTripped.Contains(t.Key)))
        {
            log.LogWarning("Rollback trigger tripped in {Mode}: {Trigger}: {Figure} (limit {Limit})", router.Mode, trigger.Name, trigger.Figure, trigger.Limit);
        }

        Latest = report;
        Changed?.Invoke(report);
        return report;
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

        var parity = await operations.LatestParityAsync(ct) is { } run ? ReportJson.ParityFrom(run.Report) : null;
        var pipeline = await crm.PipelineAsync(ct);
        var primary = router.Mode is StoreMode.SqliteOnly or StoreMode.DualWriteSqlitePrimary ? StoreKind.Sqlite : StoreKind.Postgres;
        return new TriggerInputs(
            router.Mode,
            clock.GetUtcNow().UtcDateTime,
            parity?.Tables.Sum(t => t.Missing),
            "last validation",
            parity?.BusinessFigures.MaxBy(f => f.VariancePercent),
            pipeline.UntouchedUsd,
            PipelineBaselineUsd: null,
            [monitor.Summary(StoreKind.Sqlite, RollbackLimits.Window), monitor.Summary(StoreKind.Postgres, RollbackLimits.Window)],
            [monitor.Writes(primary)]);
    }
}
