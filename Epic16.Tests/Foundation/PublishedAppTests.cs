using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Foundation;

/// <summary>The published output: no development settings in it, and started from another folder it refuses with the fix instead of serving empty scripts.</summary>
public sealed class PublishedAppTests(PostgresServer postgres)
{
    [Fact]
    public async Task Published_StartedFromAnotherFolder_ExitsNamingTheFolderToStartFrom_AndShipsNoDevelopmentSettings()
    {
        var ct = TestContext.Current.CancellationToken;
        using var output = new TempFolder();
        var publish = await ProcessRunner.RunAsync("dotnet",
            ["publish", RepositoryRoot.Combine("Epic16.Dashboard", "Epic16.Dashboard.csproj"), "-c", "Release", "--no-build", "--nologo", "-v", "quiet", "-o", output.Path],
            TimeSpan.FromMinutes(5), ct: ct);
        Assert.True(publish.ExitCode == 0, publish.StandardOutput + publish.StandardError);
        Assert.True(File.Exists(output.Combine("wwwroot", "_framework", "blazor.web.js")), "the published web root carries the Blazor script");
        Assert.False(File.Exists(output.Combine("appsettings.Development.json")), "development settings (demo passwords) must not be published");
        Assert.True(File.Exists(output.Combine("appsettings.json")));

        // The test runner's folder is not the published folder: as content root it has no wwwroot.
        var db = await postgres.CreateDatabaseAsync("published", ct);
        var run = await ProcessRunner.RunAsync("dotnet", [output.Combine("Epic16.Dashboard.dll"), "--urls", "http://127.0.0.1:0"], TimeSpan.FromSeconds(90),
            environment: new Dictionary<string, string?> { ["ConnectionStrings__BusinessCore"] = db, ["ASPNETCORE_ENVIRONMENT"] = "Production" }, ct: ct);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", line);
        Assert.Contains("_framework/blazor.web.js", line);
        Assert.Contains(output.Path, line);
    }
}
