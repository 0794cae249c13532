using System.Diagnostics;
using System.Globalization;
using System.Text;
using Epic16.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

[assembly: AssemblyFixture(typeof(Epic16.Tests.TestSupport.PostgresServer))]

namespace Epic16.Tests.TestSupport;

/// <summary>
/// One PostgreSQL server for the whole test run, and a migrated template database that each test clones.
/// `EPIC16_TEST_PG` (a connection string with the right to create databases) points it at an existing server;
/// otherwise a throwaway cluster is made from the local binaries under /tmp and removed afterwards.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "EPIC16_TEST_PG";

    private readonly SemaphoreSlim _cloneLock = new(1, 1);
    private readonly List<string> _created = [];
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private string? _clusterDir;
    private string? _binDir;
    private bool _external;

    /// <summary>A superuser connection to the server's `postgres` database.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public string TemplateDatabase { get; private set; } = "epic16_template";

    public string TemplateConnectionString => WithDatabase(TemplateDatabase);

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _external = true;
            var builder = new NpgsqlConnectionStringBuilder(external) { Database = "postgres" };
            AdminConnectionString = builder.ConnectionString;
            TemplateDatabase = $"epic16_template_{_runId}";
        }
        else
        {
            AdminConnectionString = await StartClusterAsync();
        }

        await ExecuteAsync($"""CREATE DATABASE "{TemplateDatabase}" """);
        _created.Add(TemplateDatabase);
        await MigrateAsync(TemplateConnectionString);
        ClearPool(TemplateConnectionString);
    }

    /// <summary>A fresh database, a copy of the migrated template (roles included); returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken ct = default)
    {
        var name = $"{Sanitize(prefix ?? "test")}_{_runId}_{Guid.NewGuid().ToString("N")[..8]}";
        await _cloneLock.WaitAsync(ct);
        try
        {
            // CREATE DATABASE … TEMPLATE fails while anyone is connected to the template.
            ClearPool(TemplateConnectionString);
            await ExecuteAsync($"""CREATE DATABASE "{name}" TEMPLATE "{TemplateDatabase}" """, ct);
            _created.Add(name);
        }
        finally
        {
            _cloneLock.Release();
        }

        return WithDatabase(name);
    }

    public string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_external)
        {
            // Leave a shared server as we found it.
            foreach (var database in Enumerable.Reverse(_created))
            {
                try
                {
                    await ExecuteAsync($"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
                }
                catch (NpgsqlException)
                {
                    // Best effort: a database still in use by a stuck test is not worth failing the run for.
                }
            }
        }
        else if (_clusterDir is not null)
        {
            try
            {
                await RunPgAsync("pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "stop"]);
            }
            finally
            {
                Directory.Delete(_clusterDir, recursive: true);
            }
        }

        _cloneLock.Dispose();
    }

    private string DataDir => Path.Combine(_clusterDir!, "data");

    private string SocketDir => Path.Combine(_clusterDir!, "run");

    private async Task<string> StartClusterAsync()
    {
        _binDir = FindBinaries();
        await StopAbandonedClustersAsync();
        _clusterDir = Path.Combine(Path.GetTempPath(), $"{ClusterDirPrefix}{_runId}");
        Directory.CreateDirectory(DataDir);
        Directory.CreateDirectory(SocketDir);
        await File.WriteAllTextAsync(Path.Combine(_clusterDir, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (IsRoot)
        {
            // initdb refuses root: the cluster belongs to the postgres account.
            var chown = await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", _clusterDir]);
            Check(chown, "chown the cluster folder to postgres");
        }

        var init = await RunPgAsync("initdb", ["-D", DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        Check(init, "initdb");

        var port = FreePort.Next();
        var log = Path.Combine(SocketDir, "postgres.log");
        var start = await RunPgAsync("pg_ctl",
        [
            "-D", DataDir, "-l", log, "-w", "-t", "30", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {SocketDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start",
        ]);
        if (start.ExitCode != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "(no log written)";
            throw new InvalidOperationException(
                $"pg_ctl start failed (exit {start.ExitCode}) for the test cluster on port {port}; log: {log}\n{start.StandardError}\n{tail}");
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    private const string ClusterDirPrefix = "epic16-pg-";
    private const string OwnerFile = "owner.pid";

    /// <summary>A test run that was killed never disposed its cluster: stop and remove those whose owner process is gone.</summary>
    private async Task StopAbandonedClustersAsync()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), $"{ClusterDirPrefix}*"))
        {
            var owner = Path.Combine(dir, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || IsAlive(pid))
            {
                continue;
            }

            try
            {
                if (File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
                {
                    await RunPgAsync("pg_ctl", ["-D", Path.Combine(dir, "data"), "-m", "immediate", "-w", "stop"]);
                }

                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
            {
                // Someone else's leftovers are not worth failing this run for.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
                .ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them (`apt-get install postgresql`, " +
            $"scripts/test.sh does it) or set {EnvironmentVariable} to a connection string of a server where the tests may create databases.");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task<ProcessResult> RunPgAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(_binDir!, tool);
        return IsRoot
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

    private async Task ExecuteAsync(string sql, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var services = TestServices.Create(connectionString);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync();
    }

    private static void ClearPool(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    private static string Sanitize(string prefix)
    {
        var name = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return name.Length == 0 ? "test" : name.ToString()[..Math.Min(name.Length, 30)];
    }
}
