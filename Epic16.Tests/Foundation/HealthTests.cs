using System.Net;
using System.Text.Json;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Foundation;

[Collection(EndToEndCollection.Name)]
public sealed class HealthTests(DashboardApp app)
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
    public async Task Healthz_DatabaseUnreachable_ReportsUnhealthyWithoutCrashing()
    {
        await using var broken = await DashboardApp.StartAsync(FreePort.UnreachablePostgres());
        using var client = broken.CreateHttpClient();

        using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var login = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await StatusAsync(health));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    private static async Task<string?> StatusAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("status").GetString();
    }
}
