using Epic16.Domain.Acquisition;
using Epic16.Domain.Auditing;
using Epic16.Domain.Crm;
using Epic16.Domain.DemoData;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain;

public static class DependencyInjection
{
    /// <summary>The domain's stores and services, the same for the web app and the CLI.</summary>
    public static IServiceCollection AddEpic16Domain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.AddDbContextFactory<PlatformContext>((sp, options) =>
            PlatformStore.Configure(options, BusinessCoreConnection.From(configuration), sp));

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                options.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PlatformContext>()
            .AddDefaultTokenProviders();

        services.AddSingleton(_ => StoreSettings.From(configuration));
        services.AddSingleton<QuarantineCache>();
        services.AddSingleton<StoreMonitor>();
        services.AddSingleton(_ => RollbackLimits.From(configuration));
        services.AddSingleton(_ => DualWriteSettings.From(configuration));
        services.AddSingleton<StoreModeState>();
        services.AddSingleton<StoreModes>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<WriteGateBroadcast>();
        services.AddSingleton<MirrorLog>();
        services.AddSingleton<SequenceControl>();
        services.AddSingleton<Reconciler>();
        services.AddScoped<CutoverGates>();
        services.AddScoped<CutoverController>();
        services.AddSingleton<EmergencySwitch>();
        services.AddSingleton<StoreModeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreModeListener>());
        services.AddSingleton<ReconcilerService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReconcilerService>());
        services.AddSingleton<DualWriteHourWriter>();
        services.AddSingleton<DualWriteReport>();
        services.AddHostedService(sp => sp.GetRequiredService<DualWriteHourWriter>());
        services.AddSingleton<RollbackTriggerWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<RollbackTriggerWatch>());
        services.AddSingleton<IStoreRouter, StoreRouter>();
        services.AddScoped<QuarantineLog>();
        services.AddScoped<QuarantineScanner>();
        services.AddScoped<Migrator>();
        services.AddScoped<ParityValidator>();
        services.AddScoped<MigrationOperations>();
        services.AddScoped<MigrationStatus>();
        services.AddScoped<QuarantineRepair>();
        services.AddSingleton(_ => BackupSettings.From(configuration));
        services.AddScoped<BackupService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<CrmService>();
        services.AddScoped<LeadScoring>();
        services.AddScoped<AcquisitionService>();
        services.AddScoped<BusinessCases>();
        services.AddScoped<PipelineBoard>();
        services.AddScoped<ProspectActivity>();
        services.AddScoped<SalesSequences>();
        services.AddScoped<RoiTracking>();
        services.AddScoped<CrmConversionService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DatabaseSetup>();
        services.AddScoped<DemoDataSeeder>();
        services.AddOnboarding(configuration);
        return services;
    }
}
