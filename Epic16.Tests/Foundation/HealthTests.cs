using System.Net;
using System.Text.Json;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Foundation;

[Collection(EndToEndCollection.Name)]
public sealed class HealthTests(DashboardApp app, PostgresServer postgres)
{
    [Fact]
    public async Task Healthz_DatabaseReachable_ReportsHealthy()
    {
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusAsync(response));
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
