using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Tests.Persistence.Legacy;

public sealed class ParseResultTests
{
    [Fact]
    public void Reason_DefaultResult_IsNotEmpty()
    {
        var result = default(ParseResult<long?>);

        Assert.False(result.Ok);
        Assert.Equal("no value was parsed", result.Reason);
    }

    [Fact]
    public void Fail_EmptyReason_GetsAGenericOne()
    {
        Assert.Equal("the value was rejected", ParseResult<long?>.Fail(" ").Reason);
    }

    [Fact]
    public void Fail_ReasonWithNul_IsMadeStorable()
    {
        Assert.Equal("bad \\u0000 here", ParseResult<long?>.Fail("bad \0 here").Reason);
    }

    [Fact]
    public void Json_ErrorQuotingANul_GivesStorableReason()
    {
        var reason = LegacyValueParser.Json("[\0]").Reason;

        Assert.NotNull(reason);
        Assert.DoesNotContain('\0', reason);
    }

    [Fact]
    public void ValueOrThrow_Rejection_ThrowsFormatExceptionWithReason()
    {
        var ex = Assert.Throws<FormatException>(() => LegacyValueParser.Integer("abc").ValueOrThrow());

        Assert.Equal("'abc' is not an integer", ex.Message);
    }

    [Fact]
    public void ValueOrThrow_Success_ReturnsValue()
    {
        Assert.Equal(42L, LegacyValueParser.Integer(42L).ValueOrThrow());
    }

    [Fact]
    public void IsNull_EmptyString_IsTrueOnlyForNull()
    {
        Assert.True(LegacyValueParser.Money("").IsNull);
        Assert.False(LegacyValueParser.Money(0L).IsNull);
        Assert.False(LegacyValueParser.Money("x").IsNull);
    }

    [Fact]
    public void FormatTimestamp_Utc_WritesMicroseconds()
    {
        var value = new DateTime(2025, 10, 8, 14, 3, 22, DateTimeKind.Utc).AddTicks(1_234_567);

        Assert.Equal("2025-10-08 14:03:22.123456", LegacyValueFormat.FormatTimestamp(value));
    }

    [Fact]
    public void FormatTimestamp_Unspecified_TakenAsUtc()
    {
        Assert.Equal("2025-10-08 14:03:22.000000", LegacyValueFormat.FormatTimestamp(new DateTime(2025, 10, 8, 14, 3, 22, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void FormatDate_Date_WritesIsoDate()
    {
        Assert.Equal("2025-02-03", LegacyValueFormat.FormatDate(new DateOnly(2025, 2, 3)));
    }

    [Fact]
    public void ToReal_Money_IsNearestDouble()
    {
        Assert.Equal(1234.56, LegacyValueFormat.ToReal(1234.56m));
    }
}
