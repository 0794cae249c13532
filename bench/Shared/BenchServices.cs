using Epic16.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Epic16.Bench;

/// <summary>The domain's services as the app registers them, on a benchmark database, quiet but for warnings (linked into each bench program); `extra` adds or overrides settings.</summary>
internal static class BenchServices
{
    public static ServiceProvider Create(string connectionString, string storeMode, string legacyDirectory, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:BusinessCore"] = connectionString,
            ["Store:Mode"] = storeMode,
            ["Legacy:Directory"] = legacyDirectory,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
        services.AddEpic16Domain(configuration);
        return services.BuildServiceProvider();
    }
}
