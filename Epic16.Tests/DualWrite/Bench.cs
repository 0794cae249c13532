namespace Epic16.Tests.DualWrite;

/// <summary>Figures a test measures but must not assert on (speed belongs to bench/): appended to TestResults/bench-*.tsv.</summary>
internal static class Bench
{
    public static void Record(string name, IEnumerable<string> lines)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        File.AppendAllLines(Path.Combine(folder, $"bench-{name}.tsv"), lines.Select(l => $"{DateTime.UtcNow:O}\t{l}"));
    }
}
