using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Epic16.Dashboard.Hosting;

public static class AppConfiguration
{
    /// <summary>
    /// The repository's top-level appsettings.json is linked into the output folder; load it from there
    /// in place of the content root's copy, so `dotnet run`, the tests and a published app read the same file,
    /// and appsettings.{Environment}.json and environment variables still override it.
    /// </summary>
    public static IConfigurationBuilder UseTopLevelAppSettings(this IConfigurationBuilder configuration)
    {
        var index = configuration.Sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        if (index >= 0)
        {
            configuration.Sources[index] = source;
        }
        else
        {
            configuration.Sources.Insert(0, source);
        }

        return configuration;
    }
}
