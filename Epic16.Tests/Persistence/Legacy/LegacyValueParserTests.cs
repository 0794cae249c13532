using System.Globalization;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Tests.Persistence.Legacy;

public sealed class LegacyValueParserTests
{
    private static string Iso(DateTime? value) => value!.Value.ToString("o", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-10-08 14:03:22", "2025-10-08T14:03:22.0000000Z")]
    [InlineData("2025-10-08 14:03:22.123456", "2025-10-08T14:03:22.1234560Z")]
    [InlineData("2025-10-08T14:03:22", "2025-10-08T14:03:22.0000000Z")]
    [InlineData("2025-10-08T14:03:22.123456+00:00", "2025-10-08T14:03:22.1234560Z")]
    [InlineData("2025-10-08T14:03:22Z", "2025-10-08T14:03:22.0000000Z")]
    [InlineData("2025-10-08 14:03:22.123456+00:00", "2025-10-08T14:03:22.1234560Z")]
    [InlineData("2025-10-08T16:03:22+02:00", "2025-10-08T14:03:22.0000000Z")]
    [InlineData("2025-10-08T09:03:22.5-05:00", "2025-10-08T14:03:22.5000000Z")]
    [InlineData("2025-10-08T00:30:00+01:00", "2025-10-07T23:30:00.0000000Z")]
    [InlineData("2024-02-29 00:00:00", "2024-02-29T00:00:00.0000000Z")]
    [InlineData("  2025-10-08 14:03:22\n", "2025-10-08T14:03:22.0000000Z")]
    [InlineData("1759932202", "2025-10-08T14:03:22.0000000Z")]
    public void Timestamp_DocumentedTextForm_ParsesToUtcInstant(string raw, string expected)
    {
        var result = LegacyValueParser.Timestamp(raw);

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(expected, Iso(result.Value));
        Assert.Equal(DateTimeKind.Utc, result.Value!.Value.Kind);
    }

    [Fact]
    public void Timestamp_EpochInteger_ParsesAsUtcSeconds()
    {
        var result = LegacyValueParser.Timestamp(1759932202L);

        Assert.Equal("2025-10-08T14:03:22.0000000Z", Iso(result.Value));
        Assert.Equal(DateTimeKind.Utc, result.Value!.Value.Kind);
    }

    [Fact]
    public void Timestamp_IntegralReal_ParsesAsEpochSeconds()
    {
        Assert.Equal("2025-10-08T14:03:22.0000000Z", Iso(LegacyValueParser.Timestamp(1759932202.0).Value));
    }

    [Fact]
    public void Timestamp_ClrInt_ParsesAsEpochSeconds()
    {
        Assert.Equal("1970-01-01T00:01:40.0000000Z", Iso(LegacyValueParser.Timestamp(100).Value));
    }

    [Theory]
    [MemberData(nameof(NullForms))]
    public void Timestamp_NullOrEmpty_IsNull(object? raw)
    {
        var result = LegacyValueParser.Timestamp(raw);

        Assert.True(result.Ok);
        Assert.Null(result.Value);
    }

    public static IEnumerable<object?[]> NullForms() => [[null], [DBNull.Value], [""], ["   "]];

    [Theory]
    [InlineData("2025-02-30 10:00:00", "day 30 does not exist in 2025-02")]
    [InlineData("2023-02-29T10:00:00Z", "day 29 does not exist in 2023-02")]
    [InlineData("2025-13-01 10:00:00", "month 13 does not exist")]
    [InlineData("2025-00-10 10:00:00", "month 0 does not exist")]
    [InlineData("2025-10-08 24:00:00", "time 24:00:00 does not exist")]
    [InlineData("2025-10-08 14:60:00", "does not exist")]
    [InlineData("2025-10-08", "a date without a time of day")]
    [InlineData("2025-10-08 14:03", "expected a time HH:MM:SS")]
    [InlineData("2025-10-08 14:03:22.", "without fractional-second digits")]
    [InlineData("2025-10-08 14:03:22.1234567", "7 fractional-second digits")]
    [InlineData("2025-10-08T14:03:22+15:00", "not a real UTC offset")]
    [InlineData("2025-10-08T14:03:22 UTC", "unexpected ' UTC'")]
    [InlineData("yesterday", "expected a date YYYY-MM-DD")]
    [InlineData("08/10/2025 14:03", "expected a date YYYY-MM-DD")]
    [InlineData("99999999999999999999999", "out of range for Unix epoch seconds")]
    [InlineData("0001-01-01T00:30:00+01:00", "outside years 0001-9999")]
    public void Timestamp_ImpossibleOrGarbage_RejectedWithReason(string raw, string reasonPart)
    {
        var result = LegacyValueParser.Timestamp(raw);

        Assert.False(result.Ok);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1L, "before 1970")]
    [InlineData(1759932202000L, "after year 9999")]
    [InlineData(long.MaxValue, "after year 9999")]
    public void Timestamp_OutOfRangeEpoch_RejectedWithReason(long raw, string reasonPart)
    {
        var result = LegacyValueParser.Timestamp(raw);

        Assert.False(result.Ok);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1759932202.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    [InlineData(-5.0)]
    public void Timestamp_UnusableReal_Rejected(double raw)
    {
        var result = LegacyValueParser.Timestamp(raw);

        Assert.False(result.Ok);
        Assert.Contains("REAL", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamp_Blob_RejectedNamingTheType()
    {
        var result = LegacyValueParser.Timestamp(new byte[] { 1, 2, 3 });

        Assert.Equal("BLOB (3 bytes) cannot be read as a timestamp", result.Reason);
    }

    [Theory]
    [InlineData("2025-10-08", "2025-10-08")]
    [InlineData(" 2024-02-29 ", "2024-02-29")]
    [InlineData("2025-10-08 14:03:22", "2025-10-08")]
    [InlineData("2025-10-08T14:03:22.123456+00:00", "2025-10-08")]
    [InlineData("2025-10-08T23:30:00-05:00", "2025-10-08")]
    [InlineData("2025-10-08T14:03:22Z", "2025-10-08")]
    [InlineData("1759932202", "2025-10-08")]
    public void Date_DocumentedForm_ParsesToDatePart(string raw, string expected)
    {
        var result = LegacyValueParser.Date(raw);

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), result.Value);
    }

    [Fact]
    public void Date_EpochInteger_ParsesToUtcDate()
    {
        Assert.Equal(new DateOnly(2025, 10, 8), LegacyValueParser.Date(1759932202L).Value);
    }

    [Theory]
    [MemberData(nameof(NullForms))]
    public void Date_NullOrEmpty_IsNull(object? raw)
    {
        var result = LegacyValueParser.Date(raw);

        Assert.True(result.Ok);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("2025-02-30", "day 30 does not exist")]
    [InlineData("2025-13-01", "month 13 does not exist")]
    [InlineData("0000-01-01", "year 0000 does not exist")]
    [InlineData("20251008", "ambiguous")]
    [InlineData("08/10/2025", "expected a date YYYY-MM-DD")]
    [InlineData("2025-10-08 25:00:00", "does not exist")]
    [InlineData("next week", "not a valid date")]
    public void Date_ImpossibleOrGarbage_RejectedWithReason(string raw, string reasonPart)
    {
        var result = LegacyValueParser.Date(raw);

        Assert.False(result.Ok);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1234.5, "1234.50")]
    [InlineData(2.675, "2.68")]
    [InlineData(-2.675, "-2.68")]
    [InlineData(0.125, "0.13")]
    [InlineData(-0.125, "-0.13")]
    [InlineData(1.005, "1.01")]
    [InlineData(19.999, "20.00")]
    [InlineData(0.0000001, "0.00")]
    [InlineData(999999999999.99, "999999999999.99")]
    [InlineData(-999999999999.99, "-999999999999.99")]
    public void Money_Real_RoundsToCentsHalfAwayFromZero(double raw, string expected)
    {
        var result = LegacyValueParser.Money(raw);

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(expected, result.Value!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Money_SumWithBinaryError_RoundsToIntendedCents()
    {
        Assert.Equal(0.30m, LegacyValueParser.Money(0.1 + 0.2).Value);
    }

    [Theory]
    [InlineData("1234.567", "1234.57")]
    [InlineData(" -12.5 ", "-12.50")]
    [InlineData("1e3", "1000")]
    [InlineData("0.005", "0.01")]
    public void Money_NumericString_RoundsToCents(string raw, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), LegacyValueParser.Money(raw).Value);
    }

    [Fact]
    public void Money_Integer_ParsesExactlyWithScaleTwo()
    {
        Assert.Equal("1500.00", LegacyValueParser.Money(1500L).Value!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(BadMoney))]
    public void Money_UnusableValue_RejectedWithReason(object raw, string reasonPart)
    {
        var result = LegacyValueParser.Money(raw);

        Assert.False(result.Ok);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<object, string> BadMoney() => new()
    {
        { double.NaN, "not a finite number" },
        { double.PositiveInfinity, "not a finite number" },
        { double.NegativeInfinity, "not a finite number" },
        { 1e12, "out of range" },
        { -1e12, "out of range" },
        { 999999999999.995, "out of range" },
        { 1_000_000_000_000L, "out of range" },
        { "1000000000000", "out of range" },
        { "abc", "not a decimal number" },
        { "$1,000", "not a decimal number" },
        { "NaN", "not a decimal number" },
        { new byte[] { 0x40 }, "cannot be read as a number" },
    };

    [Theory]
    [MemberData(nameof(NullForms))]
    public void Money_NullOrEmpty_IsNull(object? raw)
    {
        var result = LegacyValueParser.Money(raw);

        Assert.True(result.Ok);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Score_Real_RoundsToTwoPlaces()
    {
        Assert.Equal(87.46m, LegacyValueParser.Score(87.455).Value);
    }

    [Fact]
    public void Score_BeyondNumeric6_2_Rejected()
    {
        Assert.Contains("out of range", LegacyValueParser.Score(10000.0).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, "0.00")]
    [InlineData(100.004, "100.00")]
    [InlineData(42.125, "42.13")]
    public void Percentage_WithinZeroToHundred_Parses(double raw, string expected)
    {
        Assert.Equal(expected, LegacyValueParser.Percentage(raw).Value!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(100.005)]
    [InlineData(-0.5)]
    [InlineData(250.0)]
    public void Percentage_OutsideZeroToHundred_Rejected(double raw)
    {
        Assert.Contains("outside 0..100", LegacyValueParser.Percentage(raw).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_FourPlaces_KeepsFractionDigits()
    {
        Assert.Equal("0.0850", LegacyValueParser.Decimal(0.085, 4, LegacyValueParser.ScoreLimit).Value!.Value.ToString(CultureInfo.InvariantCulture));
    }
}
