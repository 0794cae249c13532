using System.Net;
using System.Text.Json;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Foundation;

[Collection(EndToEndCollection.Name)]
public sealed class HealthTests(PostgresServer postgres)
{
    [Fact]
    public async Task Healthz_LegacyFileMovedAwayOrLocked_UnhealthyWithStatusOnlyForAnonymous()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("health_legacy", ct));
        await LegacyStore.CreateAsync(app.LegacyDirectory, ct);
        using var client = app.CreateHttpClient();
        var abm = Path.Combine(app.LegacyDirectory, LegacyStore.AbmFileName);

        using (var healthy = await client.GetAsync("/healthz", ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Equal("Healthy", await StatusAsync(healthy));
        }

        // SqliteOnly reads the legacy files: one moved away is a store the pages cannot use.
        File.Move(abm, abm + ".away");
        using (var missing = await client.GetAsync("/healthz", ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
            var body = await missing.Content.ReadAsStringAsync(ct);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
            // Anonymous: the status and nothing else (no host, port, database, path or error text).
            Assert.Single(json.RootElement.EnumerateObject());
            Assert.DoesNotContain(LegacyStore.AbmFileName, body);
            Assert.DoesNotContain("127.0.0.1", body);
        }

        File.Move(abm + ".away", abm);

        // A file another process holds write-locked answers at once, not after the 30 s busy timeout pages wait.
        using (var writer = LegacySql.Open(abm, Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite))
        {
            using (var begin = writer.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                begin.ExecuteNonQuery();
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var locked = await client.GetAsync("/healthz", ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"/healthz took {watch.Elapsed} on a locked file");
        }

        using var again = await client.GetAsync("/healthz", ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Healthz_SignedInAdmin_SeesEachCheckWithItsReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("health_admin", ct));
        var email = $"admin.health.{Guid.NewGuid():N}@epic16.test";
        await app.SeedUserAsync(email, "E2e-Health-Pass1!", AppRoles.Admin);
        var page = await app.NewPageAsync();
        await DashboardApp.SignInAsync(page, email, "E2e-Health-Pass1!");

        // No legacy files in this app's folder: SqliteOnly cannot serve, and the admin is told which file and where.
        var response = await page.GotoAsync("/healthz");

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, response!.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgresql").GetProperty("status").GetString());
        var legacy = checks.GetProperty("legacy-sqlite");
        Assert.Equal("Unhealthy", legacy.GetProperty("status").GetString());
        Assert.Contains("missing", legacy.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Healthz_DatabaseGoneWhileRunning_ReportsUnhealthyWithoutCrashing()
    {
        var connectionString = await postgres.CreateDatabaseAsync("health");
        await using var broken = await DashboardApp.StartAsync(connectionString);
        using var client = broken.CreateHttpClient();
        await DropDatabaseAsync(connectionString);

        using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var login = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await StatusAsync(health));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Start_DatabaseUnreachable_ExitsNonZeroWithOneLine()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Epic16.Dashboard.dll");
        var result = await ProcessRunner.RunAsync("dotnet", [dll, "--urls", "http://127.0.0.1:0"], TimeSpan.FromSeconds(60),
            environment: new Dictionary<string, string?> { ["ConnectionStrings__BusinessCore"] = FreePort.UnreachablePostgres() },
            ct: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", line);
        Assert.Contains("ConnectionStrings:BusinessCore", line);
        Assert.DoesNotContain("   at ", result.StandardError + result.StandardOutput);
    }

    private async Task DropDatabaseAsync(string connectionString)
    {
        var name = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new Npgsql.NpgsqlConnection(postgres.AdminConnectionString);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private static async Task<string?> StatusAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("status").GetString();
    }
}
