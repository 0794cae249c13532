using Epic16.Domain.DualWrite;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.DualWrite;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Monitoring;

/// <summary>
/// Two app instances (two service providers on one PostgreSQL database and the same legacy files): the second one's
/// slow and failing commands, shared through `monitoring_latency_minutes`, reach the first one's cutover gates, rollback
/// triggers and status page, although the first instance itself saw only fast commands.
/// </summary>
public sealed class SharedMonitoringTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_second_instances_slow_and_failing_commands_reach_the_gates_triggers_and_status_of_the_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await StoreScope.CreateAsync(postgres);
        await using var second = await StoreScope.CreateAsync(postgres, connectionString: first.ConnectionString,
            settings: new Dictionary<string, string?> { ["Legacy:Directory"] = first.LegacyDirectory, ["DualWrite:Instance"] = "second-instance" });
        await using var services = first.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);

        // The first instance: fast traffic only; its latency and error gates are green on their own.
        for (var i = 0; i < 5; i++)
        {
            await DualWriteKit.AddProspectAsync(first.Router, $"Fast {i}", ct);
        }

        var before = await cutover.GatesAsync(StoreMode.DualWriteSqlitePrimary, ct);
        Assert.True(Gate(before, CutoverGates.Latency).Ok, Gate(before, CutoverGates.Latency).Figure);
        Assert.True(Gate(before, CutoverGates.Errors).Ok, Gate(before, CutoverGates.Errors).Figure);

        // The second instance: ten 250 ms commands and two failing ones on PostgreSQL, then its flusher shares them.
        await using (var db = await second.Router.CreateContextAsync(StoreKind.Postgres, ct))
        {
            for (var i = 0; i < 10; i++)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.25)", ct);
            }

            for (var i = 0; i < 2; i++)
            {
                await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("SELECT 1 / 0", ct));
            }
        }

        await second.Services.GetRequiredService<LatencyFlusher>().FlushAsync(ct);

        var after = await cutover.GatesAsync(StoreMode.DualWriteSqlitePrimary, ct);
        var latency = Gate(after, CutoverGates.Latency);
        Assert.False(latency.Ok, latency.Figure);
        Assert.Contains("from 2 app instance(s)", latency.Figure);
        Assert.False(Gate(after, CutoverGates.Errors).Ok, Gate(after, CutoverGates.Errors).Figure);

        var triggers = await first.Services.GetRequiredService<RollbackTriggerWatch>().EvaluateNowAsync(ct);
        // SqliteOnly never trips a trigger; the trigger's figure shows what it judges: the second instance's PostgreSQL traffic.
        var trigger = triggers.Triggers.Single(t => t.Key == RollbackTriggerRules.Latency);
        Assert.Contains($"{StoreKind.Postgres.DisplayName()} p95", trigger.Figure);
        Assert.Contains("16.67 % errors", trigger.Figure);

        var status = await services.ServiceProvider.GetRequiredService<CutoverStatusService>().ViewAsync(SystemUser.Cli, ct);
        Assert.Equal(2, status.InstancesReporting);
        Assert.True(status.LatencyShared);
        var postgres5 = status.Latencies.Single(l => l.Store == StoreKind.Postgres && l.Window == RollbackLimits.Window);
        Assert.Equal(1, postgres5.Instances);
        Assert.True(postgres5.Commands >= 12, $"{postgres5.Commands} PostgreSQL commands");
        Assert.Equal(2, postgres5.Errors);
        Assert.True(postgres5.P95 >= TimeSpan.FromMilliseconds(250), $"p95 {postgres5.P95}");
        Assert.Contains(status.Series[StoreKind.Postgres], p => p.P95 >= TimeSpan.FromMilliseconds(250));
        // The first instance's own figures are still its own: it never ran a slow command.
        Assert.True(first.Services.GetRequiredService<StoreMonitor>().Summary(StoreKind.Postgres, RollbackLimits.Window).P95 < TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Flushing_twice_in_one_minute_overwrites_the_instances_row_and_old_rows_are_dropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 2, 10, 0, 5, TimeSpan.Zero));
        await using var scope = await StoreScope.CreateAsync(postgres);
        var monitor = new StoreMonitor(clock);
        var platform = scope.Services.GetRequiredService<IDbContextFactory<PlatformContext>>();
        var instance = scope.Services.GetRequiredService<DualWriteSettings>();
        var flusher = new LatencyFlusher(monitor, platform, instance, new MonitoringSettings(TimeSpan.FromSeconds(10)), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<LatencyFlusher>.Instance);
        monitor.RecordCommand(StoreKind.Sqlite, TimeSpan.FromMilliseconds(3), failed: false);
        await flusher.FlushAsync(ct);
        monitor.RecordCommand(StoreKind.Sqlite, TimeSpan.FromMilliseconds(4), failed: true);
        clock.Advance(TimeSpan.FromSeconds(20));
        await flusher.FlushAsync(ct);

        await using (var db = await platform.CreateDbContextAsync(ct))
        {
            var row = await db.LatencyMinutes.SingleAsync(ct);
            Assert.Equal((2L, 1L, nameof(StoreKind.Sqlite)), (row.Commands, row.Errors, row.Store));
        }

        clock.Advance(LatencyFlusher.Keep + TimeSpan.FromMinutes(1));
        await flusher.FlushAsync(ct);
        await using (var db = await platform.CreateDbContextAsync(ct))
        {
            Assert.Equal(0, await db.LatencyMinutes.CountAsync(ct));
        }
    }

    private static CutoverGate Gate(IReadOnlyList<CutoverGate> gates, string name) => gates.Single(g => g.Name == name);
}
