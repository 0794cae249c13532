using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Persistence;

/// <summary>For `dotnet ef`: the same options as the app, with Identity's schema version 3.</summary>
public sealed class PlatformContextDesignFactory : IDesignTimeDbContextFactory<PlatformContext>
{
    public PlatformContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__BusinessCore")
            ?? "Host=127.0.0.1;Port=55432;Database=synapse_business_core;Username=postgres";
        var builder = new DbContextOptionsBuilder<PlatformContext>();
        PlatformStore.Configure(builder, connection, IdentityServices());
        return new PlatformContext(builder.Options);
    }

    internal static IServiceProvider IdentityServices() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
}
