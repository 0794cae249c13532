using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>How every PlatformContext is configured, at run time and design time alike.</summary>
public static class PlatformStore
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString, IServiceProvider? applicationServices = null)
    {
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(PlatformContext.MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention();
        if (applicationServices is not null)
        {
            builder.UseApplicationServiceProvider(applicationServices);
        }

        return builder;
    }
}
