using Epic16.Domain.Persistence.Legacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Epic16.Domain.Persistence;

/// <summary>How the two Epic 16 contexts are configured, for the app, the CLI, design time and the tests alike.</summary>
public static class Epic16Stores
{
    public static DbContextOptions<PostgresEpic16Context> PostgresOptions(string connectionString, IServiceProvider? applicationServices = null, params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<PostgresEpic16Context>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(PostgresEpic16Context.MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IMigrationsSqlGenerator, DeferrableForeignKeysSqlGenerator>()
            .AddInterceptors(interceptors);
        if (applicationServices is not null)
        {
            builder.UseApplicationServiceProvider(applicationServices);
        }

        return builder.Options;
    }

    public static DbContextOptions<SqliteEpic16Context> SqliteOptions(string legacyDirectory, params IInterceptor[] interceptors)
    {
        var connection = LegacyStore.ConnectionString(legacyDirectory);
        return new DbContextOptionsBuilder<SqliteEpic16Context>()
            .UseSqlite(connection)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(LegacyConnection.Attachments(legacyDirectory))
            .AddInterceptors(interceptors)
            .Options;
    }
}
