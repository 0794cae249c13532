using System.Net;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Epic16.Tests.EndToEnd;

/// <summary>With PostgreSQL gone under a signed-in admin, actions show a message in place and the session goes on.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ErrorResilienceTests(PostgresServer postgres)
{
    private const string Password = "E2e-Errors-Pass1!";

    [Fact]
    public async Task DatabaseGone_ActionsAndPages_ShowAMessageKeepTheSessionAndServeTheErrorPage()
    {
        var db = await postgres.CreateDatabaseAsync("errors");
        await using var app = await DashboardApp.StartAsync(db);
        var email = $"admin.errors.{Guid.NewGuid():N}@epic16.test";
        await app.SeedUserAsync(email, Password, AppRoles.Admin);
        var page = await app.NewPageAsync();
        await DashboardApp.SignInAsync(page, email, Password);
        await page.ClickAsync("[data-testid=nav-admin-users]");
        await Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync(email);
        var cookie = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));

        await DropAsync(db);

        // A handler that hits the store: the page says so, nothing crashes.
        await page.Locator("[data-testid=new-email] input, input[data-testid=new-email]").First.FillAsync($"new.{Guid.NewGuid():N}@epic16.test");
        await page.Locator("[data-testid=new-password] input, input[data-testid=new-password]").First.FillAsync("New-User-Pass1!");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-testid=new-roles]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = AppRoles.Sales }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("[data-testid=add-user]");
        await Expect(page.Locator("[data-testid=users-error]")).ToContainTextAsync("could not be made");

        // A page that fails to load: the error boundary shows a message, the circuit and the menu stay.
        await page.ClickAsync("[data-testid=nav-crm]");
        await Expect(page.Locator("[data-testid=page-error]")).ToContainTextAsync("database could not be reached");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await DashboardApp.ScreenshotAsync(page, "page-error-boundary");
        await page.Locator("[data-testid=nav] a[href='/']").ClickAsync();
        await Expect(page.Locator("[data-testid=tile]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=page-error]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=role-tiles-unavailable]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=circuit-ready]")).ToBeAttachedAsync();

        // The error page itself never touches a store.
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Error");
        request.Headers.Add("Cookie", cookie);
        using var error = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("Something went wrong", await error.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task DropAsync(string db)
    {
        var name = new NpgsqlConnectionStringBuilder(db).Database;
        await using var admin = new NpgsqlConnection(postgres.AdminConnectionString);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        NpgsqlConnection.ClearAllPools();
    }
}
