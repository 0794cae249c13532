using System.CommandLine;
using Epic16.Dashboard.Hosting;
using Epic16.Domain;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Dashboard.Cli;

/// <summary>The services a verb needs, configured as the web app is, without the web app.</summary>
public static class CliHost
{
    public static async Task<int> RunAsync(ParseResult parse, GlobalOptions options, Func<IServiceProvider, Task<int>> verb, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environments.Production,
        });
        builder.Configuration.UseTopLevelAppSettings();
        builder.Configuration.AddInMemoryCollection(options.Overrides(parse));
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.AddEpic16Domain(builder.Configuration);

        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            return await verb(scope.ServiceProvider);
        }
        catch (Exception e) when (e is not StoreUnavailableException && DatabaseSetup.IsConnectionFailure(e))
        {
            // Every verb, not only `db migrate`, names the setting to fix when PostgreSQL cannot be reached.
            throw BusinessCoreConnection.Unreachable(BusinessCoreConnection.From(builder.Configuration), e);
        }
    }
}
