using System.Text.RegularExpressions;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.DemoData;

/// <summary>Every value form of legacy-schema/README.md must appear in the demo files, read as raw SQLite values.</summary>
public sealed class DemoDataLegacyFormsTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>
{
    public static TheoryData<string, string> TimestampForms => new()
    {
        { "plain", @"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$" },
        { "microseconds", @"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$" },
        { "iso T", @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$" },
        { "iso offset", @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$" },
        { "iso Z", @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$" },
        { "epoch seconds", @"^1\d{9}$" },
        { "empty string", @"^$" },
    };

    [Theory]
    [MemberData(nameof(TimestampForms))]
    public void GenerateAsync_TimestampColumns_HoldEachLegacyForm(string form, string pattern)
    {
        var regex = new Regex(pattern);
        var hits = TimestampValues().Count(v => v.Value is not null && regex.IsMatch(v.Value));

        Assert.True(hits > 0, $"no *_at value in the {form} form");
    }

    [Fact]
    public void GenerateAsync_TimestampColumns_EveryValueIsAFormAndOnlyTheBrokenOneIsImpossible()
    {
        var forms = TimestampForms.Select(row => new Regex((string)row.Data.Item2)).ToList();
        var values = TimestampValues().Select(v => v.Value).OfType<string>().ToList();
        var impossible = values.Where(v => v.Length >= 10 && !DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", out _) && !Regex.IsMatch(v, @"^\d+$")).ToList();

        Assert.DoesNotContain(values, v => !forms.Any(f => f.IsMatch(v)));
        Assert.Equal(["2025-02-30 10:15:00"], impossible);
    }

    [Fact]
    public void GenerateAsync_EpochTimestamps_AreIntegerDigitsInTextColumns()
    {
        // The DDL declares *_at as TEXT, whose affinity stores an integer as its digits: typeof() is 'text', never 'integer'.
        var epochs = TimestampValues().Where(v => v.Value is not null && Regex.IsMatch(v.Value, @"^\d+$")).ToList();

        Assert.NotEmpty(epochs);
        Assert.All(epochs, e => Assert.InRange(long.Parse(e.Value!, System.Globalization.CultureInfo.InvariantCulture), 1_600_000_000, 1_800_000_000));
    }

    [Theory]
    [InlineData("campaigns", "start_date")]
    [InlineData("performance", "metric_date")]
    [InlineData("health_metrics", "metric_date")]
    [InlineData("milestones", "due_date")]
    public void GenerateAsync_DateColumns_HoldPlainDatesAndSomeFullTimestamps(string table, string column)
    {
        var values = LegacySql.Values(demo.Directory, table, column).Select(v => v.Value).OfType<string>().ToList();

        Assert.Contains(values, v => Regex.IsMatch(v, @"^\d{4}-\d{2}-\d{2}$"));
        Assert.Contains(values, v => Regex.IsMatch(v, @"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$"));
    }

    [Theory]
    [InlineData("prospects", "decision_makers")]
    [InlineData("prospects", "tech_stack")]
    [InlineData("prospects", "pain_points")]
    [InlineData("lead_scoring", "factors")]
    [InlineData("business_cases", "assumptions")]
    [InlineData("campaigns", "channels")]
    [InlineData("content_assets", "metadata")]
    [InlineData("success_templates", "milestones")]
    public void GenerateAsync_JsonColumns_HoldJsonAndPythonLiterals(string table, string column)
    {
        var values = LegacySql.Values(demo.Directory, table, column).Select(v => v.Value).OfType<string>().ToList();
        var python = values.Where(v => v.Contains('\'') && !v.StartsWith("{'fit': 12, 'intent':", StringComparison.Ordinal)).ToList();

        Assert.Contains(values, v => v.StartsWith('[') || v.StartsWith('{'));
        Assert.Contains(values, v => IsJson(v));
        Assert.Contains(python, v => !IsJson(v));
    }

    [Theory]
    [InlineData("campaigns", "target_accounts")]
    [InlineData("milestones", "depends_on")]
    public void GenerateAsync_IdListColumns_HoldCompactJsonAndPythonReprSpacing(string table, string column)
    {
        // A Python list of ints is also valid JSON; what tells the first legacy version apart is repr's ", " spacing.
        var values = LegacySql.Values(demo.Directory, table, column).Select(v => v.Value).OfType<string>().ToList();

        Assert.All(values, v => Assert.True(IsJson(v), v));
        Assert.Contains(values, v => v.Contains(", ", StringComparison.Ordinal));
        Assert.Contains(values, v => v.Contains(',', StringComparison.Ordinal) && !v.Contains(", ", StringComparison.Ordinal));
    }

    [Fact]
    public void GenerateAsync_PythonLiterals_UsePythonKeywords()
    {
        var makers = LegacySql.Values(demo.Directory, "prospects", "decision_makers").Select(v => v.Value).OfType<string>().ToList();
        var metadata = LegacySql.Values(demo.Directory, "content_assets", "metadata").Select(v => v.Value).OfType<string>().ToList();

        Assert.Contains(makers, v => v.Contains("'email': None") || v.Contains("'linkedin': None"));
        Assert.Contains(metadata, v => v.Contains(": True") || v.Contains(": False"));
    }

    [Fact]
    public void GenerateAsync_JsonLists_KeepNullApartFromEmpty()
    {
        Assert.True(LegacySql.Count(demo.Directory, "prospects", "tech_stack IS NULL") > 0);
        Assert.True(LegacySql.Count(demo.Directory, "prospects", "tech_stack = '[]'") > 0);
        Assert.True(LegacySql.Count(demo.Directory, "milestones", "depends_on IS NULL") > 0);
        Assert.True(LegacySql.Count(demo.Directory, "milestones", "depends_on = '[]'") > 0);
    }

    [Theory]
    [InlineData("prospects", "status")]
    [InlineData("business_cases", "status")]
    [InlineData("touchpoints", "channel")]
    [InlineData("milestones", "status")]
    [InlineData("health_metrics", "risk_level")]
    public void GenerateAsync_EnumColumns_VaryOnlyInCaseAndWhiteSpace(string table, string column)
    {
        var values = LegacySql.Values(demo.Directory, table, column).Select(v => v.Value!).ToList();

        Assert.Contains(values, v => v != v.Trim());
        Assert.Contains(values, v => v.Trim() != v.Trim().ToLowerInvariant());
        Assert.All(values, v => Assert.Matches("^[a-z_]+$", v.Trim().ToLowerInvariant()));
    }

    [Fact]
    public void GenerateAsync_Text_HoldsAccentsCjkEmojiQuotesAndMarkup()
    {
        var text = string.Join("\n", new[] { ("prospects", "notes"), ("prospects", "company_name"), ("communications", "subject"), ("content_assets", "title"), ("prospects", "decision_makers") }
            .SelectMany(c => LegacySql.Values(demo.Directory, c.Item1, c.Item2)).Select(v => v.Value));

        Assert.Contains("é", text);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
        Assert.Contains("🚀", text);
        Assert.Contains("\"", text);
        Assert.Contains("O'", text);
        Assert.Contains("<b>", text);
        Assert.Contains("&", text);
    }

    private List<(string Type, string? Value)> TimestampValues() =>
    [
        .. LegacyStore.Tables.SelectMany(table => LegacySql.Columns(LegacySql.PathOf(demo.Directory, table), table)
            .Where(c => c.EndsWith("_at", StringComparison.Ordinal))
            .SelectMany(c => LegacySql.Values(demo.Directory, table, c))),
    ];

    private static bool IsJson(string value)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(value);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
