using System.Net.Sockets;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Epic16.Domain.Persistence;

/// <summary>Brings the PostgreSQL schema up to date and makes sure the roles exist.</summary>
public sealed class DatabaseSetup(IDbContextFactory<PlatformContext> platform, UserAdministration userAdministration)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var connectionString = db.Database.GetConnectionString()!;
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            await using var epic16 = new PostgresEpic16Context(Epic16Stores.PostgresOptions(connectionString));
            pending.AddRange(await epic16.Database.GetPendingMigrationsAsync(ct));
            await epic16.Database.MigrateAsync(ct);
            await userAdministration.EnsureRolesAsync(ct);
            return pending;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw BusinessCoreConnection.Unreachable(connectionString, e);
        }
    }

    public static bool IsConnectionFailure(Exception e) => e switch
    {
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } => true,
        NpgsqlException n when n.Message.Contains("Failed to connect", StringComparison.OrdinalIgnoreCase) => true,
        PostgresException { SqlState: "3D000" or "28P01" or "28000" or "57P03" } => true,
        SocketException => true,
        _ when e.InnerException is not null => IsConnectionFailure(e.InnerException),
        _ => false,
    };
}
