using System.Collections.Concurrent;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>
/// A switch that runs longer than another instance's pause lease (`DualWrite:PauseLeaseSeconds`, 2 s here) while that
/// instance keeps writing: PostgresOnly → DualWriteSqlitePrimary, where a write that lands in PostgreSQL after the final
/// reconcile would later be deleted from it as "extra". Two instances: two service providers on the same PostgreSQL
/// database and the same legacy SQLite files.
/// </summary>
public sealed class PauseLeaseTests(PostgresServer postgres)
{
    private const double LeaseSeconds = 2;

    [Fact]
    public async Task A_switch_slower_than_the_lease_keeps_the_other_instance_paused_and_loses_no_write()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await StoreScope.CreateAsync(postgres, "PostgresOnly", settings: Lease());
        await using var second = await Second(postgres, first);
        await using var services = first.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);
        var listener = second.Services.GetRequiredService<StoreModeListener>();
        await listener.StartAsync(ct);
        try
        {
            await WaitAsync(() => ListenersAsync(first.ConnectionString), "the second instance to LISTEN");
            Assert.Equal(StoreMode.PostgresOnly, second.Router.Mode);
            var (written, failures, stop, writer) = StartWriter(second.Router);

            // The fault: the switch stalls after its final reconcile, three leases long, before it persists the mode.
            await WaitAsync(() => Task.FromResult(written.Count >= 5), "the second instance to write");
            var stall = new StallAt(step: 4, TimeSpan.FromSeconds(LeaseSeconds * 3), counter: () => written.Count);
            var result = await cutover.ForceSqlitePrimaryAsync(SystemUser.Cli, "slow switch under a second instance's writes", stall, ct);

            Assert.NotNull(result);
            Assert.True(stall.Stalled);
            Assert.True(result.Pause > TimeSpan.FromSeconds(LeaseSeconds * 3));
            Assert.Equal(0, second.Services.GetRequiredService<WriteGateBroadcast>().Lapses);
            await WaitAsync(() => Task.FromResult(second.Router.Mode == StoreMode.DualWriteSqlitePrimary), "the second instance to switch");
            // Not one write of the second instance completed while the switch stalled: its pause held past the lease.
            Assert.Equal(stall.CountBefore, stall.CountAfter);
            var afterSwitch = written.Count;
            await WaitAsync(() => Task.FromResult(written.Count >= afterSwitch + 10), "the second instance to write in the new mode");
            await stop.CancelAsync();
            await writer;

            // The periodic reconcile from the new primary: a row only PostgreSQL got would be deleted here.
            var pass = await DualWriteKit.ReconcileAsync(first, StoreKind.Sqlite);
            Assert.Empty(failures);
            foreach (var store in new[] { StoreKind.Sqlite, StoreKind.Postgres })
            {
                var companies = await DualWriteKit.CompaniesAsync(first, store);
                var lost = written.Where(c => !companies.Contains(c)).ToList();
                Assert.True(lost.Count == 0, $"{lost.Count} of {written.Count} writes of the second instance missing in {store} (reconcile deleted {pass.Repaired}): {string.Join(", ", lost.Take(5))}");
            }
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_switch_that_cannot_keep_the_pause_alive_stops_before_the_mode_changes_and_loses_no_write()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await StoreScope.CreateAsync(postgres, "PostgresOnly", settings: Lease());
        await using var second = await Second(postgres, first);
        await using var services = first.Services.CreateAsyncScope();
        var cutover = DualWriteKit.Cutover(services);
        await cutover.LoadModeAsync(ct);
        var listener = second.Services.GetRequiredService<StoreModeListener>();
        await listener.StartAsync(ct);
        try
        {
            await WaitAsync(() => ListenersAsync(first.ConnectionString), "the second instance to LISTEN");
            var (written, failures, stop, writer) = StartWriter(second.Router);

            // The fault: the heartbeat's connection dies while the switch stalls, so the second instance's lease runs out.
            var stall = new StallAt(step: 4, TimeSpan.FromSeconds(LeaseSeconds * 3), () => TerminatePauseConnection(first.ConnectionString));
            await Assert.ThrowsAsync<WritePauseLapsedException>(() => cutover.ForceSqlitePrimaryAsync(SystemUser.Cli, "switch whose heartbeat dies", stall, ct));

            Assert.Equal(StoreMode.PostgresOnly, first.Router.Mode);
            Assert.False(first.Services.GetRequiredService<WriteGate>().IsPaused);
            Assert.Equal(1, second.Services.GetRequiredService<WriteGateBroadcast>().Lapses);
            Assert.Equal(nameof(StoreMode.PostgresOnly), (await first.Services.GetRequiredService<StoreModes>().LatestAsync(ct))!.Mode);
            var atAbort = written.Count;
            await WaitAsync(() => Task.FromResult(written.Count >= atAbort + 5), "the second instance to write again");
            await stop.CancelAsync();
            await writer;

            Assert.Empty(failures);
            Assert.Equal(StoreMode.PostgresOnly, second.Router.Mode);
            var companies = await DualWriteKit.CompaniesAsync(first, StoreKind.Postgres);
            Assert.All(written, c => Assert.Contains(c, companies));
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    private static void TerminatePauseConnection(string connectionString) =>
        DualWriteKit.ExecutePostgresAsync(connectionString,
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{WriteGateBroadcast.PauseApplicationName}'")
            .GetAwaiter().GetResult();

    private static Dictionary<string, string?> Lease() => new()
    {
        ["DualWrite:PauseLeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Only a NOTIFY moves an instance to the new mode here, never the periodic re-read.
        ["DualWrite:ModeRefreshSeconds"] = "3600",
    };

    /// <summary>A second app instance: its own services, on the first one's PostgreSQL database and legacy files.</summary>
    internal static Task<StoreScope> Second(PostgresServer postgres, StoreScope first, IDictionary<string, string?>? more = null)
    {
        var settings = Lease();
        settings["Legacy:Directory"] = first.LegacyDirectory;
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return StoreScope.CreateAsync(postgres, connectionString: first.ConnectionString, settings: settings);
    }

    private static (ConcurrentQueue<string> Written, ConcurrentQueue<Exception> Failures, CancellationTokenSource Stop, Task Writer) StartWriter(IStoreRouter router)
    {
        var written = new ConcurrentQueue<string>();
        var failures = new ConcurrentQueue<Exception>();
        var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var company = $"Second instance row {n}";
                try
                {
                    await DualWriteKit.AddProspectAsync(router, company);
                    written.Enqueue(company);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }

                await Task.Delay(25);
            }
        });
        return (written, failures, stop, writer);
    }

    private static async Task<bool> ListenersAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{WriteGateBroadcast.ListenerApplicationName}' AND query LIKE 'LISTEN %'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up waiting for {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>Holds the switch at one of its steps (progress is reported on the switch's own flow), as a slow final pass would.</summary>
    private sealed class StallAt(int step, TimeSpan delay, Action? fault = null, Func<int>? counter = null) : IProgress<CutoverProgress>
    {
        public bool Stalled { get; private set; }

        public int CountBefore { get; private set; }

        public int CountAfter { get; private set; }

        public void Report(CutoverProgress value)
        {
            if (value.Index == step)
            {
                Stalled = true;
                CountBefore = counter?.Invoke() ?? 0;
                fault?.Invoke();
                Thread.Sleep(delay);
                CountAfter = counter?.Invoke() ?? 0;
            }
        }
    }
}
