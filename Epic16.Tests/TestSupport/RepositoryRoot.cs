namespace Epic16.Tests.TestSupport;

/// <summary>The repository the tests were built from: the folder holding Epic16.sln above the test output.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Epic16.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Epic16.sln above {AppContext.BaseDirectory}: the tests must run from a build inside the repository.");
    }
}
