using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.Persistence;

/// <summary>Both stores for one test: a fresh PostgreSQL database and fresh legacy SQLite files from the legacy DDL.</summary>
public sealed class StoreScope : IAsyncDisposable
{
    private StoreScope(ServiceProvider services, string legacyDirectory, string connectionString)
    {
        Services = services;
        LegacyDirectory = legacyDirectory;
        ConnectionString = connectionString;
    }

    public ServiceProvider Services { get; }

    public string LegacyDirectory { get; }

    public string ConnectionString { get; }

    public IStoreRouter Router => Services.GetRequiredService<IStoreRouter>();

    public static async Task<StoreScope> CreateAsync(PostgresServer postgres, string mode = "SqliteOnly", Func<string, Task>? fillLegacy = null, IDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        connectionString ??= await postgres.CreateDatabaseAsync("stores");
        var directory = Directory.CreateTempSubdirectory("epic16-legacy-").FullName;
        await LegacyStore.CreateAsync(directory);
        if (fillLegacy is not null)
        {
            await fillLegacy(directory);
        }

        var all = new Dictionary<string, string?>
        {
            ["Legacy:Directory"] = directory,
            ["Store:Mode"] = mode,
            ["Backups:Directory"] = Path.Combine(directory, "backups"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var services = TestServices.Create(connectionString, all);
        return new StoreScope(services, directory, connectionString);
    }

    public Task<Epic16Context> ContextAsync(StoreKind store) => Router.CreateContextAsync(store);

    /// <summary>Writes raw SQL into the legacy files (all three attached), as the legacy application did.</summary>
    public async Task ExecuteLegacyAsync(string sql)
    {
        await using var connection = await LegacyConnection.OpenAsync(LegacyDirectory, readOnly: false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(LegacyDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
