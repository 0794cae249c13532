using Epic16.Dashboard.Cli;
using Epic16.Dashboard.Hosting;
using Epic16.Domain.Persistence;

if (CliApp.IsVerb(args))
{
    return await CliApp.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseTopLevelAppSettings();
builder.AddDashboard();

var app = builder.Build();
app.UseDashboard();

try
{
    await app.Services.PrepareDatabaseAsync();
}
catch (StoreUnavailableException e)
{
    // Keep serving rather than exit: /healthz then reports Unhealthy (503) with the reason, which is what
    // an orchestrator or an operator looks at; a process that dies at start only leaves a crash loop.
    app.Logger.LogError("{Message} The app keeps running; /healthz reports Unhealthy until PostgreSQL is reachable.", e.Message);
}

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
