using Microsoft.EntityFrameworkCore.Design;

namespace Epic16.Domain.Persistence;

/// <summary>For `dotnet ef … --context PostgresEpic16Context`. The SQLite context is never migrated.</summary>
public sealed class PostgresEpic16ContextDesignFactory : IDesignTimeDbContextFactory<PostgresEpic16Context>
{
    public PostgresEpic16Context CreateDbContext(string[] args) =>
        new(Epic16Stores.PostgresOptions(Environment.GetEnvironmentVariable("ConnectionStrings__BusinessCore")
            ?? "Host=127.0.0.1;Port=55432;Database=synapse_business_core;Username=postgres"));
}
