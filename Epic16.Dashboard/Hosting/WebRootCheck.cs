namespace Epic16.Dashboard.Hosting;

/// <summary>
/// A published app started from another folder takes that folder as its content root: it has no wwwroot, and every
/// static file (the Blazor script included) answers an empty 200, so nothing in the browser is interactive. Refuse to
/// start instead, naming the folder to start from.
/// </summary>
public static class WebRootCheck
{
    public const string FrameworkScript = "_framework/blazor.web.js";

    /// <summary>Null when the web root serves the Blazor script; otherwise the one-line reason and the fix.</summary>
    public static string? Problem(IWebHostEnvironment environment)
    {
        if (environment.WebRootFileProvider.GetFileInfo(FrameworkScript).Exists)
        {
            return null;
        }

        var webRoot = environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot");
        return $"the web root {webRoot} has no {FrameworkScript}, so browsers would get no Blazor script. " +
            $"Start the published app from its own folder (cd {AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)} && dotnet Epic16.Dashboard.dll), " +
            "or run it from source in Development (scripts/run.sh).";
    }
}
