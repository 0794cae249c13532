using System.Net;
using Epic16.Domain.Auditing;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.EndToEnd;

/// <summary>The emergency switch runs while the host starts: when it fails, the app still starts, flags it and leaves the mode alone.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class EmergencyStartTests(PostgresServer postgres)
{
    [Fact]
    public async Task EmergencySwitchFails_AppStartsInItsModeWithTheFailureFlaggedAndAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await postgres.CreateDatabaseAsync("emergency_fail", ct);
        await using (var first = await DashboardApp.StartAsync(db, new Dictionary<string, string?> { ["Store:Mode"] = "PostgresOnly" }))
        {
            // The persisted mode is PostgresOnly; this app's legacy folder has no files.
        }

        // The switch back to SQLite primary must sync PostgreSQL into SQLite, and the legacy files are not there.
        await using var app = await DashboardApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Store:Mode"] = "PostgresOnly",
            [DualWriteSettings.EmergencyVariable] = "false",
        });
        using var client = app.CreateHttpClient();
        using var login = await client.GetAsync("/Account/Login", ct);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(StoreMode.PostgresOnly, app.Services.GetRequiredService<StoreModeState>().Mode);
        Assert.Contains("The mode stays PostgresOnly", app.Services.GetRequiredService<EmergencySwitch>().Failure);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(10, ct), a => a.Action == "storemode.emergency.failed");
    }
}
