using Epic16.Domain.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Epic16.Tests.DualWrite;

/// <summary>
/// A PostgreSQL cluster of its own for one test, migrated, that the test can stop (`pg_ctl stop -m fast`: every
/// connection refused) and start again, to take PostgreSQL away from a running app for real.
/// </summary>
public sealed class StoppableCluster : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"epic16-pg-stoppable-{Guid.NewGuid():N}"[..40]);
    private readonly int _port = FreePort.Next();
    private string _bin = "";

    public string ConnectionString => new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = "epic16", Timeout = 3 }.ConnectionString;

    private string Data => Path.Combine(_dir, "data");

    private string Run => Path.Combine(_dir, "run");

    public static async Task<StoppableCluster> StartAsync()
    {
        var cluster = new StoppableCluster();
        cluster._bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().Last();
        Directory.CreateDirectory(cluster.Data);
        Directory.CreateDirectory(cluster.Run);
        if (Environment.UserName == "root")
        {
            Check(await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", cluster._dir]), "chown");
        }

        Check(await cluster.PgAsync("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), "initdb");
        await cluster.StartServerAsync();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE epic16", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var services = TestServices.Create(cluster.ConnectionString);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        return cluster;
    }

    public async Task StartServerAsync() => Check(await PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(Run, "pg.log"), "-w", "-t", "30", "-o",
        $"-c listen_addresses=127.0.0.1 -p {_port} -k {Run} -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"), "pg_ctl start");

    public async Task StopServerAsync() => Check(await PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop"), "pg_ctl stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_dir, recursive: true);
    }

    private Task<ProcessResult> PgAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.UserName == "root"
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], TimeSpan.FromSeconds(60))
            : ProcessRunner.RunAsync(path, arguments, TimeSpan.FromSeconds(60));
    }

    private static void Check(ProcessResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed (exit {result.ExitCode}): {result.StandardError}{result.StandardOutput}");
        }
    }
}
