using System.Net;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Epic16.Tests.Persistence;

/// <summary>database/least-privilege-roles.sql: the app runs as epic16_app (rows only), not as a superuser, and cannot change the schema.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class LeastPrivilegeRoleTests(PostgresServer postgres)
{
    [Fact]
    public async Task AppRole_StartsServesAndWritesRows_ButCannotChangeTheSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await postgres.CreateDatabaseAsync("least_priv", ct);
        var admin = new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString);
        var database = new NpgsqlConnectionStringBuilder(db).Database!;
        var script = await ProcessRunner.RunAsync("psql",
            ["-h", admin.Host!, "-p", admin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", admin.Username!, "-d", database,
             "-v", "owner_password=owner-pass", "-v", "app_password=app-pass", "-f", RepositoryRoot.Combine("database", "least-privilege-roles.sql")],
            TimeSpan.FromSeconds(60), new Dictionary<string, string?> { ["PGPASSWORD"] = admin.Password }, ct);
        Assert.True(script.ExitCode == 0, script.StandardError);
        var app = new NpgsqlConnectionStringBuilder(db) { Username = "epic16_app", Password = "app-pass" }.ConnectionString;

        // The start-up path (schema check, roles) and the services write rows as the app role.
        await using (var services = TestServices.Create(app))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(ct);
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(SystemUser.Cli, "least.priv@epic16.test", "Least-Priv-Pass1!", [AppRoles.Sales], ct);
        }

        await using (var dashboard = await DashboardApp.StartAsync(app))
        {
            using var client = dashboard.CreateHttpClient();
            // The sign-in page needs an anti-forgery key, written to data_protection_keys by the app role.
            using var login = await client.GetAsync("/Account/Login", ct);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        await using var connection = new NpgsqlConnection(app);
        await connection.OpenAsync(ct);
        await using var isSuper = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        Assert.False((bool)(await isSuper.ExecuteScalarAsync(ct))!);
        await using var ddl = new NpgsqlCommand("CREATE TABLE not_allowed (id int)", connection);
        var denied = await Assert.ThrowsAsync<PostgresException>(() => ddl.ExecuteNonQueryAsync(ct));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        await using var drop = new NpgsqlCommand("DROP TABLE audit_log", connection);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => drop.ExecuteNonQueryAsync(ct))).SqlState);
    }
}
