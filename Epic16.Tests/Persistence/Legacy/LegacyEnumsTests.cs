using System.Text.RegularExpressions;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Tests.Persistence.Legacy;

public sealed partial class LegacyEnumsTests
{
    /// <summary>The enumeration words each column is mapped with, read off the EF model (where the parser gets them).</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> ByColumn = LegacyTables.All
        .SelectMany(t => t.Properties.Where(p => StoreMapping.KindOf(p) == LegacyKind.Enum)
            .Select(p => (Key: $"{t.LegacyName}.{p.GetColumnName()}", Words: StoreMapping.WordsOf(p))))
        .ToDictionary(x => x.Key, x => x.Words);

    [Fact]
    public void EnumColumns_EveryEnumeratedDdlColumn_HasExactlyTheDdlWords()
    {
        var fromDdl = ReadDdlEnumerations();

        Assert.Equal(fromDdl.Keys.Order(), ByColumn.Keys.Order());
        foreach (var (column, words) in fromDdl)
        {
            Assert.Equal(words, ByColumn[column]);
        }
    }

    [Fact]
    public void AssetType_HasTenWords()
    {
        Assert.Equal(10, ByColumn["content_assets.asset_type"].Count);
    }

    // "-- a | b | c" after a column (or alone on the next line); "0 | 1" is a boolean, not an enum.
    private static Dictionary<string, string[]> ReadDdlEnumerations()
    {
        var result = new Dictionary<string, string[]>();
        var assembly = typeof(LegacyValueParser).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, names.Length);
        foreach (var name in names)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            string? table = null, column = null;
            while (reader.ReadLine() is { } line)
            {
                if (CreateTable().Match(line) is { Success: true } t)
                {
                    table = t.Groups[1].Value;
                    continue;
                }

                var c = ColumnLine().Match(line);
                if (c.Success)
                {
                    column = c.Groups[1].Value;
                }

                var comment = line.IndexOf("--", StringComparison.Ordinal);
                if (table is null || column is null || comment < 0 || !line.Contains('|'))
                {
                    continue;
                }

                var words = line[(comment + 2)..].Split('|', StringSplitOptions.TrimEntries);
                if (words.All(w => WordPattern().IsMatch(w)))
                {
                    result[$"{table}.{column}"] = words;
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS (\w+)")]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s{4}(\w+)\s+(?:INTEGER|TEXT|REAL)")]
    private static partial Regex ColumnLine();

    [GeneratedRegex("^[a-z][a-z_]*$")]
    private static partial Regex WordPattern();
}
