using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>The persisted mode: every instance follows a switch through NOTIFY, and the emergency switch forces SQLite-primary at start.</summary>
public sealed class ModeFollowingTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_second_instance_follows_a_mode_change_through_NOTIFY()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await StoreScope.CreateAsync(postgres);
        // The fallback re-read is set far beyond the test, so only the notification can move the second instance.
        await using var second = await StoreScope.CreateAsync(postgres, connectionString: first.ConnectionString,
            settings: new Dictionary<string, string?> { ["DualWrite:ModeRefreshSeconds"] = "3600" });
        var listener = second.Services.GetRequiredService<StoreModeListener>();
        await listener.StartAsync(ct);
        try
        {
            Assert.Equal(StoreMode.SqliteOnly, second.Router.Mode);
            Assert.True(second.Services.GetRequiredService<StoreModeState>().Current.Persisted);
            await WaitForAsync(() => ListeningAsync(first.ConnectionString), "the second instance to LISTEN");

            var modes = first.Services.GetRequiredService<StoreModes>();
            await modes.SwitchAsync(SystemUser.Cli, StoreMode.DualWriteSqlitePrimary, "dual-write begins", new ModeFigures(0, 0, 100, 0, 0, 0, 0, 0, 0), ct: ct);

            await WaitForAsync(() => Task.FromResult(second.Router.Mode == StoreMode.DualWriteSqlitePrimary), "the second instance to switch");
            Assert.True(listener.NotificationsReceived >= 1);
            Assert.Equal(SystemUser.Cli.Name, second.Services.GetRequiredService<StoreModeState>().Current.ChangedBy);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_switch_on_one_instance_pauses_and_resumes_writes_on_the_others()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await StoreScope.CreateAsync(postgres, "DualWriteSqlitePrimary");
        await using var second = await StoreScope.CreateAsync(postgres, connectionString: first.ConnectionString);
        await using var services = first.Services.CreateAsyncScope();
        await DualWriteKit.Cutover(services).LoadModeAsync(ct);
        var listener = second.Services.GetRequiredService<StoreModeListener>();
        await listener.StartAsync(ct);
        try
        {
            await WaitForAsync(() => ListeningAsync(first.ConnectionString), "the second instance to LISTEN");
            Assert.Equal(StoreMode.DualWriteSqlitePrimary, second.Router.Mode);

            var result = await DualWriteKit.Cutover(services).RollbackAsync(SystemUser.Cli, "back to SQLite only", ct: ct);

            var broadcast = second.Services.GetRequiredService<WriteGateBroadcast>();
            Assert.Equal(1, broadcast.RemotePauses);
            await WaitForAsync(() => Task.FromResult(!second.Services.GetRequiredService<WriteGate>().IsPaused), "the second instance to resume");
            await WaitForAsync(() => Task.FromResult(second.Router.Mode == StoreMode.SqliteOnly), "the second instance to switch");
            Assert.Equal(StoreMode.SqliteOnly, result.To);
            await DualWriteKit.AddProspectAsync(second.Router, "Written on the second instance after the switch", ct);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task EPIC16_POSTGRESQL_ONLY_false_forces_SQLite_primary_after_syncing_PostgreSQL_into_SQLite()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "PostgresOnly",
            settings: new Dictionary<string, string?> { [DualWriteSettings.EmergencyVariable] = "false" });
        var state = scope.Services.GetRequiredService<StoreModeState>();
        for (var i = 0; i < 5; i++)
        {
            await DualWriteKit.AddProspectAsync(scope.Router, $"Written on PostgreSQL {i}", ct);
        }

        await scope.Services.GetRequiredService<EmergencySwitch>().ApplyAsync(ct);

        Assert.Equal(StoreMode.DualWriteSqlitePrimary, scope.Router.Mode);
        Assert.True(state.Current.ForcedByEmergencySwitch);
        Assert.Equal(EmergencySwitch.Actor.Name, state.Current.ChangedBy);
        Assert.Equal(5, (await DualWriteKit.CompaniesAsync(scope, StoreKind.Sqlite)).Count(c => c.StartsWith("Written on PostgreSQL", StringComparison.Ordinal)));
        var latest = await scope.Services.GetRequiredService<StoreModes>().LatestAsync(ct);
        Assert.True(latest!.Emergency);
        Assert.Equal(nameof(StoreMode.PostgresOnly), latest.PreviousMode);
    }

    [Fact]
    public async Task Without_the_emergency_switch_the_persisted_mode_wins_over_configuration()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await StoreScope.CreateAsync(postgres, "DualWritePostgresPrimary");
        await first.Services.GetRequiredService<EmergencySwitch>().ApplyAsync(ct);
        await using var restarted = await StoreScope.CreateAsync(postgres, "SqliteOnly", connectionString: first.ConnectionString);
        await restarted.Services.GetRequiredService<EmergencySwitch>().ApplyAsync(ct);

        Assert.Equal(StoreMode.DualWritePostgresPrimary, restarted.Router.Mode);
        Assert.False(restarted.Services.GetRequiredService<StoreModeState>().Current.ForcedByEmergencySwitch);
    }

    private static async Task<bool> ListeningAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{WriteGateBroadcast.ListenerApplicationName}' AND query LIKE 'LISTEN %'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up waiting for {what}");
            await Task.Delay(50);
        }
    }
}
