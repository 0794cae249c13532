using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Epic16.Dashboard.Hosting;

public static class AppConfiguration
{
    /// <summary>
    /// The repository's top-level appsettings.json is linked into the output folder (beside
    /// appsettings.{Environment}.json); load both from there instead of from the content root, so `dotnet run` from
    /// any folder, the CLI, the tests and a published app read the same files, and environment variables and the
    /// command line still override them.
    /// </summary>
    public static IConfigurationBuilder UseTopLevelAppSettings(this IConfigurationBuilder configuration)
    {
        var output = new PhysicalFileProvider(AppContext.BaseDirectory);
        var sources = configuration.Sources;
        var replaced = false;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json && path.StartsWith("appsettings.", StringComparison.OrdinalIgnoreCase))
            {
                sources[i] = new JsonConfigurationSource { Path = path, Optional = json.Optional, ReloadOnChange = false, FileProvider = output };
                replaced = true;
            }
        }

        if (!replaced)
        {
            sources.Insert(0, new JsonConfigurationSource { Path = "appsettings.json", Optional = false, FileProvider = output });
        }

        return configuration;
    }
}
