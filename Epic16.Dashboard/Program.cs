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
    // At start: one line naming the setting and the fix, and a non-zero exit. Once running, an outage shows
    // on /healthz (Unhealthy, 503) instead of crashing the app.
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

if (WebRootCheck.Problem(app.Environment) is { } webRootProblem)
{
    Console.Error.WriteLine($"error: {webRootProblem}");
    return 2;
}

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
