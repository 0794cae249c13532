using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>The status page's live refresh survives a failing tick: the figures are marked stale and it keeps going.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class MigrationStatusStaleTests(PostgresServer postgres)
{
    private const string Password = "E2e-Stale-Pass1!";

    [Fact]
    public async Task LiveRefresh_DatabaseErrorThenBack_ShowsStaleSinceAndResumes()
    {
        var db = await postgres.CreateDatabaseAsync("status_stale", TestContext.Current.CancellationToken);
        await using var app = await DashboardApp.StartAsync(db);
        var admin = $"admin.stale.{Guid.NewGuid():N}@epic16.test";
        await app.SeedUserAsync(admin, Password, AppRoles.Admin);
        var page = await app.NewPageAsync();
        await DashboardApp.SignInAsync(page, admin, Password);
        await page.GotoAsync("/admin/migration/status");
        await DashboardApp.WaitForCircuitAsync(page);
        var refreshed = page.Locator("[data-testid=refreshed-at]");
        await Expect(refreshed).ToHaveAttributeAsync("data-stale", "false");

        // Every tick reads the audit log: without its table each tick fails as a query would with the database in trouble.
        await ExecuteAsync(db, "ALTER TABLE audit_log RENAME TO audit_log_away");
        try
        {
            await Expect(page.Locator("[data-testid=stale-notice]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(refreshed).ToHaveAttributeAsync("data-stale", "true");
            await Expect(refreshed).ToContainTextAsync("stale since");
        }
        finally
        {
            await ExecuteAsync(db, "ALTER TABLE audit_log_away RENAME TO audit_log");
        }

        // The refresh did not stop: the next good tick clears the notice and the figures are live again.
        await Expect(page.Locator("[data-testid=stale-notice]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(refreshed).ToHaveAttributeAsync("data-stale", "false");
        await Expect(refreshed).ToContainTextAsync("live · updated");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
