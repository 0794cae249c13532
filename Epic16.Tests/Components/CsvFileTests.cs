using Epic16.Dashboard.Components.Shared;

namespace Epic16.Tests.Components;

public sealed class CsvFileTests
{
    private sealed record Row(string Text, decimal Amount);

    [Fact]
    public void Write_SpecialCharacters_QuotesPerRfc4180()
    {
        var csv = CsvFile.Write([new Row("a,b", 1m), new Row("say \"hi\"", 2m), new Row("two\nlines", 3m)],
            ("text", r => r.Text), ("amount", r => r.Amount));

        Assert.Equal("text,amount\r\n\"a,b\",1\r\n\"say \"\"hi\"\"\",2\r\n\"two\nlines\",3\r\n", csv);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("=cmd", "'=cmd")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+7", "+7")]
    [InlineData("plain", "plain")]
    public void Write_FormulaLikeCell_IsDefusedButNumbersAreNot(string cell, string expected)
    {
        var csv = CsvFile.Write([cell], ("value", v => v));

        Assert.Equal($"value\r\n{expected}\r\n", csv);
    }

    [Fact]
    public void Write_NegativeDecimalAndNull_WrittenInvariantAndEmpty()
    {
        var csv = CsvFile.Write([(Amount: -1234.5m, Note: (string?)null)], ("amount", r => r.Amount), ("note", r => r.Note));

        Assert.Equal("amount,note\r\n-1234.5,\r\n", csv);
    }
}
