using System.Text.Json.Nodes;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Tests.Persistence.Legacy;

public sealed class PythonLiteralTests
{
    private static string Json(string python)
    {
        var result = PythonLiteral.Parse(python);
        Assert.True(result.Ok, result.Reason);
        return result.Value?.ToJsonString() ?? "null";
    }

    [Theory]
    [InlineData("['AWS', 'Snowflake']", "[\"AWS\",\"Snowflake\"]")]
    [InlineData("[\"AWS\", \"it's\"]", "[\"AWS\",\"it\\u0027s\"]")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("  [ 1 ,\n 2 ]  ", "[1,2]")]
    [InlineData("[[1, [2, [3]]], {'a': {'b': []}}]", "[[1,[2,[3]]],{\"a\":{\"b\":[]}}]")]
    public void Parse_ListsAndDicts_BecomeArraysAndObjects(string python, string expected)
    {
        Assert.Equal(expected, Json(python));
    }

    [Fact]
    public void Parse_DictWithTrueAndNone_BecomesJsonObject()
    {
        Assert.Equal(
            "{\"name\":\"Ana Ruiz\",\"primary\":true,\"phone\":null,\"vip\":false}",
            Json("{'name': 'Ana Ruiz', 'primary': True, 'phone': None, 'vip': False}"));
    }

    [Theory]
    [InlineData("'O\\'Brien'", "O'Brien")]
    [InlineData("\"it's\"", "it's")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("'a\\\\b'", "a\\b")]
    [InlineData("'line\\nbreak\\ttab\\r'", "line\nbreak\ttab\r")]
    [InlineData("'\\x41\\101\\u00e9\\U0001F680'", "AAé🚀")]
    [InlineData("'\\d+'", "\\d+")]
    [InlineData("r'\\d+\\n'", "\\d+\\n")]
    [InlineData("u'caf\\xe9'", "café")]
    [InlineData("'Crème 東京 🚀'", "Crème 東京 🚀")]
    [InlineData("'''multi\nline's'''", "multi\nline's")]
    [InlineData("'<script>alert(1)</script>'", "<script>alert(1)</script>")]
    [InlineData("''", "")]
    public void Parse_String_DecodesPythonEscapes(string python, string expected)
    {
        var result = PythonLiteral.Parse(python);

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(expected, result.Value!.GetValue<string>());
    }

    [Theory]
    [InlineData("[0, 42, -7, +3]", "[0,42,-7,3]")]
    [InlineData("[3.14, -2.5, 1.0, 0.0]", "[3.14,-2.5,1.0,0.0]")]
    [InlineData("[1e-05, 2.5E+10, -1e3]", "[1e-05,2.5E+10,-1e3]")]
    [InlineData("[.5, 5., 5.e3]", "[0.5,5.0,5.0e3]")]
    [InlineData("[10L, 123456789012345678901234567890]", "[10,123456789012345678901234567890]")]
    [InlineData("[- 4]", "[-4]")]
    public void Parse_Numbers_BecomeJsonNumbers(string python, string expected)
    {
        Assert.Equal(expected, Json(python));
    }

    [Theory]
    [InlineData("(1, 2)", "[1,2]")]
    [InlineData("(1,)", "[1]")]
    [InlineData("()", "[]")]
    [InlineData("(1)", "1")]
    [InlineData("[(1, 'a'), ('b', None)]", "[[1,\"a\"],[\"b\",null]]")]
    public void Parse_Tuple_BecomesArray(string python, string expected)
    {
        Assert.Equal(expected, Json(python));
    }

    [Theory]
    [InlineData("[1, 2,]", "[1,2]")]
    [InlineData("{'a': 1,}", "{\"a\":1}")]
    [InlineData("(1, 2,)", "[1,2]")]
    public void Parse_TrailingComma_Accepted(string python, string expected)
    {
        Assert.Equal(expected, Json(python));
    }

    [Fact]
    public void Parse_IntegerKey_BecomesStringKeyAsJsonDumpsWrites()
    {
        Assert.Equal("{\"1\":\"a\",\"-2\":\"b\"}", Json("{1: 'a', -2: 'b'}"));
    }

    [Fact]
    public void Parse_None_IsJsonNull()
    {
        var result = PythonLiteral.Parse("None");

        Assert.True(result.Ok);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("[1, 2", "position 6: expected ',' or ']' but the text ended")]
    [InlineData("[1,, 2]", "position 4: unexpected character ','")]
    [InlineData("{'a' 1}", "position 6: expected ':' after a dict key but found '1'")]
    [InlineData("['a' 'b']", "position 6: expected ',' or ']' but found")]
    [InlineData("{1, 2}", "position 2: a Python set has no JSON form")]
    [InlineData("b'bytes'", "position 1: a bytes literal has no JSON form")]
    [InlineData("f'{x}'", "unsupported string prefix 'f'")]
    [InlineData("[nan]", "position 2: nan is not a finite number")]
    [InlineData("[inf]", "inf is not a finite number")]
    [InlineData("[true]", "unknown name 'true'")]
    [InlineData("'unterminated", "position 1: unterminated string")]
    [InlineData("'line\nbreak'", "line break inside a quoted string")]
    [InlineData("0x1F", "only plain decimal numbers")]
    [InlineData("1j", "only plain decimal numbers")]
    [InlineData("007", "leading zero")]
    [InlineData("{(1,): 2}", "a dict key must be a string or an integer")]
    [InlineData("{'a': 1, 'a': 2}", "duplicate key 'a'")]
    [InlineData("[1] [2]", "position 5: unexpected text after the value")]
    [InlineData("'\\ud800'", "not a Unicode scalar value")]
    [InlineData("'\\x4'", "needs 2 hexadecimal digits")]
    [InlineData("'\\N{EM DASH}'", "named escapes")]
    [InlineData("", "position 1: unexpected end of text")]
    [InlineData("-", "expected a number")]
    [InlineData("1e", "an exponent needs digits")]
    public void Parse_Invalid_RejectedWithPosition(string python, string reasonPart)
    {
        var result = PythonLiteral.Parse(python);

        Assert.False(result.Ok);
        Assert.StartsWith("Python literal error at position ", result.Reason, StringComparison.Ordinal);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingAtLimit_Accepted()
    {
        var python = new string('[', PythonLiteral.MaxDepth) + new string(']', PythonLiteral.MaxDepth);

        Assert.True(PythonLiteral.Parse(python).Ok);
    }

    [Fact]
    public void Parse_NestingBeyondLimit_Rejected()
    {
        var python = new string('(', PythonLiteral.MaxDepth + 1) + new string(')', PythonLiteral.MaxDepth + 1);

        Assert.Contains("nesting deeper than 64 levels", PythonLiteral.Parse(python).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ResultNodes_AreIndependentTrees()
    {
        var node = PythonLiteral.Parse("{'tags': ['a']}").Value!;

        node["tags"]!.AsArray().Add("b");

        Assert.Equal("{\"tags\":[\"a\",\"b\"]}", node.ToJsonString());
        Assert.IsType<JsonObject>(node);
    }
}
