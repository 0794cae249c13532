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
            // Migrate only when something is pending: an up-to-date database then needs no DDL right at all, so the app
            // can run as the least-privilege role (database/least-privilege-roles.sql) while `db migrate` runs as the owner.
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(ct);
            }

            await using var epic16 = new PostgresEpic16Context(Epic16Stores.PostgresOptions(connectionString));
            var pendingEpic16 = (await epic16.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pendingEpic16.Count > 0)
            {
                await epic16.Database.MigrateAsync(ct);
                pending.AddRange(pendingEpic16);
            }
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
