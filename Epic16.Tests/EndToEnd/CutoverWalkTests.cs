using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.EndToEnd;

/// <summary>
/// An admin walks the demo from SqliteOnly through both dual-write modes to PostgresOnly and back on the status page.
/// On an app of its own: the walk repairs the demo's quarantined rows, which the shared app's tests expect to find.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CutoverWalkTests(PostgresServer postgres) : IAsyncLifetime
{
    private DashboardApp App { get; set; } = default!;

    public async ValueTask InitializeAsync() => App = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("walk"));

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private const string Password = "E2e-Cutover-Pass1!";

    private static readonly Dictionary<string, string> Corrections = new()
    {
        ["lead_scoring"] = "{'fit': 12, 'intent': 8}",
        ["touchpoints"] = "1",
        ["communications"] = "2025-02-28 10:15:00",
    };

    [Fact]
    public async Task WalkForwardAndBack_Admin_SeesGatesLiveFiguresAndAudit()
    {
        await PrepareDemoAsync();
        var admin = $"admin.{Guid.NewGuid():N}@epic16.test";
        await App.SeedUserAsync(admin, Password, AppRoles.Admin);
        var page = await App.NewPageAsync();
        await DashboardApp.SignInAsync(page, admin, Password);
        await page.GotoAsync("/admin/migration/status");
        await DashboardApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=mode-stepper]")).ToHaveAttributeAsync("data-mode", "SqliteOnly");

        foreach (var target in new[] { StoreMode.DualWriteSqlitePrimary, StoreMode.DualWritePostgresPrimary, StoreMode.PostgresOnly })
        {
            await Expect(page.Locator("[data-testid=gates]")).ToContainTextAsync($"Gates to {target}");
            await Expect(page.Locator("[data-testid=gates-summary]")).ToContainTextAsync("6 / 6 green", new() { Timeout = 15_000 });
            await ChangeModeAsync(page, "cutover", target);
            if (target == StoreMode.DualWriteSqlitePrimary)
            {
                await WriteProspectAsync("Mirrored Through The Walk");
                await Expect(page.Locator("[data-testid=mirror-ok]")).Not.ToHaveTextAsync("0", new() { Timeout = 10_000 });
            }
        }

        await Expect(page.Locator("[data-testid=gates]")).ToContainTextAsync("No further cutover");
        // Not a zero latency: "0.0 ms" alone, while "30.0 ms" is a real figure.
        await Expect(page.Locator("[data-testid=latency-Postgres-5]")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"(^|[^0-9.])0\.0 ms"));
        await DashboardApp.ScreenshotAsync(page, "migration-status-postgres-only");

        foreach (var target in new[] { StoreMode.DualWritePostgresPrimary, StoreMode.DualWriteSqlitePrimary, StoreMode.SqliteOnly })
        {
            await ChangeModeAsync(page, "rollback", target);
        }

        await Expect(page.Locator("[data-testid=mode-history] tbody tr").Filter(new() { HasText = "Walking the demo to" })).ToHaveCountAsync(6);
        await Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("storemode.forward");
        await Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("storemode.rollback");
        await Expect(page.Locator("[data-testid=drift]")).ToContainTextAsync("f500_prospects");
        await DashboardApp.ScreenshotAsync(page, "migration-status-walked-back");
    }

    private static async Task ChangeModeAsync(IPage page, string button, StoreMode target)
    {
        await page.ClickAsync($"[data-testid={button}]");
        await page.Locator("[data-testid=mode-go]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"Type exactly {target}.");
        await page.Locator("input[data-testid=mode-confirm-text]").FillAsync(target.ToString());
        await page.Locator("textarea[data-testid=mode-reason]").FillAsync($"Walking the demo to {target}");
        await page.Locator("[data-testid=mode-go]").ClickAsync();
        await Expect(page.Locator("[data-testid=mode-result]")).ToContainTextAsync($"Now {target}", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=mode-stepper]")).ToHaveAttributeAsync("data-mode", target.ToString());
    }

    /// <summary>The demo migrated, its three quarantined rows repaired, validated and backed up: what the first gates ask for.</summary>
    private async Task PrepareDemoAsync()
    {
        await App.EnsureLegacyDemoDataAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var operations = services.GetRequiredService<MigrationOperations>();
        await operations.MigrateAsync(SystemUser.Cli);
        foreach (var row in (await services.GetRequiredService<MigrationStatus>().QuarantineAsync(SystemUser.Cli)).Where(q => q.ResolvedAt is null))
        {
            var result = await services.GetRequiredService<QuarantineRepair>().RepairAsync(SystemUser.Cli, row.Id, Corrections[row.LegacyTable]);
            Assert.True(result.Migrated, string.Join("; ", result.Problems));
        }

        Assert.True((await operations.ValidateAsync(SystemUser.Cli)).Matches);
        await operations.BackupAsync(SystemUser.Cli);
    }

    private async Task WriteProspectAsync(string company)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var acquisition = scope.ServiceProvider.GetRequiredService<ProspectService>();
        await acquisition.CreateProspectAsync(new SystemUser("e2e:sales"), new ProspectInput { CompanyName = company, FortuneRank = 500 });
    }
}
