using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Epic16.Domain.Persistence;

/// <summary>The PostgreSQL connection string (`ConnectionStrings:BusinessCore`), checked once with a message people can act on.</summary>
public static class BusinessCoreConnection
{
    public const string SettingName = "ConnectionStrings:BusinessCore";

    public static string From(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("BusinessCore");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StoreUnavailableException(
                $"{SettingName} is not set: put the PostgreSQL connection string in appsettings.json or the ConnectionStrings__BusinessCore environment variable (scripts/db.sh start makes a local server).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw new StoreUnavailableException($"{SettingName} is not a valid PostgreSQL connection string: {e.Message}");
        }

        return value;
    }

    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>Turns "cannot connect" into one line that names the setting and the fix.</summary>
    public static StoreUnavailableException Unreachable(string connectionString, Exception e) =>
        new($"PostgreSQL at {Describe(connectionString)} ({SettingName}) cannot be reached: {FirstLine(e.Message)}. Start it with scripts/db.sh start, or point ConnectionStrings__BusinessCore at a running server.", e);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');
}
