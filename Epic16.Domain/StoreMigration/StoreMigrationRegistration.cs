using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.StoreMigration;

public static class StoreMigrationRegistration
{
    /// <summary>The bulk migrator, quarantine, parity validation and backups (`Backup:*`).</summary>
    public static IServiceCollection AddStoreMigration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<QuarantineLog>();
        services.AddScoped<QuarantineScanner>();
        services.AddScoped<Migrator>();
        services.AddScoped<ParityValidator>();
        services.AddScoped<MigrationOperations>();
        services.AddScoped<MigrationStatus>();
        services.AddScoped<QuarantineRepair>();
        services.AddSingleton(_ => BackupSettings.From(configuration));
        services.AddScoped<BackupService>();
        return services;
    }
}
