using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Identity;

namespace Epic16.Dashboard.Hosting;

public static class DatabasePreparation
{
    /// <summary>At start: apply migrations, make the roles, and in Development the demo users.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Epic16.Startup");
        var applied = await sp.GetRequiredService<DatabaseSetup>().MigrateAsync(ct);
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} migration(s): {Migrations}", applied.Count, string.Join(", ", applied));
        }

        if (sp.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await SeedDemoUsersAsync(sp, logger, ct);
        }
    }

    private static async Task SeedDemoUsersAsync(IServiceProvider sp, ILogger logger, CancellationToken ct)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = sp.GetRequiredService<UserAdministration>();
        foreach (var demo in DemoUsers.From(configuration))
        {
            if (await users.FindByEmailAsync(demo.Email) is null)
            {
                await admin.AddAsync(SystemUser.Seeder, demo.Email, demo.Password, [demo.Role], ct);
                logger.LogInformation("Demo user {Email} ({Role}) created", demo.Email, demo.Role);
            }
        }
    }
}
