using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// Records today's health snapshot of every client once per day (checked every `Onboarding:SnapshotCheckMinutes`, default
/// 30). On a database with no snapshot at all it first backfills `Onboarding:BackfillDays` (default 90) days from the inputs.
/// </summary>
public sealed class DailySnapshotJob(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DailySnapshotJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Onboarding:SnapshotJob", true))
        {
            return;
        }

        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Onboarding:SnapshotCheckMinutes", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var snapshots = scope.ServiceProvider.GetRequiredService<HealthSnapshots>();
                if (!await snapshots.AnyAsync(stoppingToken))
                {
                    var written = await snapshots.BackfillAsync(configuration.GetValue("Onboarding:BackfillDays", HealthBoard.SparklineDays), stoppingToken);
                    log.LogInformation("Backfilled {Count} health snapshots", written);
                }

                if (!await snapshots.TodayIsRecordedAsync(stoppingToken))
                {
                    var run = await snapshots.RecordTodayAsync(stoppingToken);
                    log.LogInformation("Health snapshot {Day}: {Clients} clients, {Raised} escalations raised in {Ms} ms", run.Day, run.Clients, run.EscalationsRaised, run.Elapsed.TotalMilliseconds);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may be mid-cutover or unreachable: try again at the next check rather than stop the job.
                log.LogWarning(e, "The daily health snapshot did not run; it will be tried again");
            }

            await Task.Delay(every, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
