using System.Text.Json;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Tests.Persistence.Legacy;

/// <summary>JSON columns: standard JSON and Python literals give the same canonical text; the rest is rejected with a reason.</summary>
public sealed class LegacyValueParserJsonTests
{
    [Theory]
    [InlineData("[ \"AWS\" , \"Snowflake\" ]", "[\"AWS\",\"Snowflake\"]")]
    [InlineData("{\"a\": 1.50, \"b\": [true, null, -3e2]}", "{\"a\":1.50,\"b\":[true,null,-3e2]}")]
    [InlineData("[\"<script>alert('x')</script>\", \"Crème\", \"東京\"]", "[\"<script>alert('x')</script>\",\"Crème\",\"東京\"]")]
    [InlineData("\"just a string\"", "\"just a string\"")]
    [InlineData("null", "null")]
    public void Json_StandardJson_PassesThroughNormalised(string raw, string expected)
    {
        Assert.Equal(expected, LegacyValueParser.Json(raw).Value);
    }

    [Theory]
    [InlineData("['AWS', 'Snowflake']", "[\"AWS\",\"Snowflake\"]")]
    [InlineData("{'name': 'Ana Ruiz', 'primary': True, 'phone': None}", "{\"name\":\"Ana Ruiz\",\"primary\":true,\"phone\":null}")]
    [InlineData("[{'area': 'data', 'severity': 4, 'description': 'O\\'Brien\\'s \"silos\"'}]", "[{\"area\":\"data\",\"severity\":4,\"description\":\"O'Brien's \\\"silos\\\"\"}]")]
    [InlineData("{'roi': -12.5, 'years': (1, 2, 3), 'ok': False,}", "{\"roi\":-12.5,\"years\":[1,2,3],\"ok\":false}")]
    [InlineData("None", "null")]
    public void Json_PythonLiteral_ConvertedToSameJson(string raw, string expected)
    {
        Assert.Equal(expected, LegacyValueParser.Json(raw).Value);
    }

    [Fact]
    public void Json_PythonAndJsonOfSameDocument_GiveIdenticalText()
    {
        var fromPython = LegacyValueParser.Json("[{'name': 'Zoë', 'influence': 5, 'score': 1.0, 'tags': ('a',)}]");
        var fromJson = LegacyValueParser.Json("[{\"name\": \"Zo\\u00eb\", \"influence\": 5, \"score\": 1.0, \"tags\": [\"a\"]}]");

        Assert.True(fromPython.Ok, fromPython.Reason);
        Assert.Equal(fromJson.Value, fromPython.Value);
    }

    [Theory]
    [MemberData(nameof(LegacyValueParserTests.NullForms), MemberType = typeof(LegacyValueParserTests))]
    public void Json_NullOrEmpty_IsNull(object? raw)
    {
        var result = LegacyValueParser.Json(raw);

        Assert.True(result.Ok);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("[1, 2", "position 6")]
    [InlineData("{'a': }", "position 7")]
    [InlineData("AWS, Snowflake", "unknown name 'AWS'")]
    [InlineData("{\"a\": tru}", "JSON error at line 1, byte 10")]
    [InlineData("[true, false]x", "JSON error at line 1, byte 14")]
    [InlineData("[True, False]x", "position 14: unexpected text after the value")]
    public void Json_Malformed_RejectedWithPosition(string raw, string reasonPart)
    {
        var result = LegacyValueParser.Json(raw);

        Assert.False(result.Ok);
        Assert.Contains("is neither JSON", result.Reason, StringComparison.Ordinal);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": 1, \"a\": 2}")]
    [InlineData("{'a': 1, 'a': 2}")]
    public void Json_DuplicateKey_Rejected(string raw)
    {
        Assert.Contains("duplicate key 'a'", LegacyValueParser.Json(raw).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"a\\u0000b\"]")]
    [InlineData("['a\\x00b']")]
    [InlineData("{'a\\0': 1}")]
    public void Json_NulInsideString_Rejected(string raw)
    {
        Assert.Contains("NUL character", LegacyValueParser.Json(raw).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ExpectedArrayButObject_Rejected()
    {
        Assert.StartsWith("expected a JSON array but found object", LegacyValueParser.Json("{'a': 1}", JsonValueKind.Array).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ExpectedArrayAndArray_Parses()
    {
        Assert.Equal("[1]", LegacyValueParser.Json("[1]", JsonValueKind.Array).Value);
    }

    [Fact]
    public void Json_DeepNesting_RejectedWithoutCrashing()
    {
        var result = LegacyValueParser.Json(new string('[', 1_000_000));

        Assert.Contains("nesting deeper than 64", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OneMegabyteArray_Parses()
    {
        var items = Enumerable.Range(0, 150_000).Select(i => $"'{i}'");
        var python = "[" + string.Join(", ", items) + "]";

        var result = LegacyValueParser.Json(python);

        Assert.True(python.Length > 1_000_000);
        Assert.Equal(150_000, JsonDocument.Parse(result.Value!).RootElement.GetArrayLength());
    }

    [Fact]
    public void Json_Blob_Rejected()
    {
        Assert.Equal("BLOB (2 bytes) cannot be read as JSON text", LegacyValueParser.Json(new byte[] { 0x5b, 0x5d }).Reason);
    }
}
