using Epic16.Domain.DemoData;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.TestSupport;

/// <summary>
/// The real dashboard on its own database with what `scripts/run.sh` gives a demo: the seed-demo data (three legacy files
/// and the Epic 7 CRM), the legacy scan, and one account per role. For tests that read pages as a demo user would.
/// </summary>
public sealed class DemoDashboard(PostgresServer postgres) : IAsyncLifetime
{
    public const string Password = "E2e-Demo-Pass1!";

    public DashboardApp App { get; private set; } = default!;

    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@epic16.demo";

    public async ValueTask InitializeAsync()
    {
        App = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("demo"));
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(App.LegacyDirectory, force: true);
        await scope.ServiceProvider.GetRequiredService<QuarantineScanner>().ScanAsync(SystemUser.Cli);
        foreach (var role in AppRoles.All)
        {
            await App.SeedUserAsync(EmailOf(role), Password, role);
        }
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
