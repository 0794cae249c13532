using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Tests.Persistence.Legacy;

/// <summary>Integers, booleans, text and enum words: what the parser keeps, normalises and rejects.</summary>
public sealed class LegacyValueParserScalarTests
{
    [Theory]
    [InlineData(42L, 42L)]
    [InlineData(-7L, -7L)]
    [InlineData(42.0, 42L)]
    [InlineData("42", 42L)]
    [InlineData(" -7 ", -7L)]
    [InlineData(7, 7L)]
    public void Integer_IntegralValue_Parses(object raw, long expected)
    {
        Assert.Equal(expected, LegacyValueParser.Integer(raw).Value);
    }

    [Theory]
    [InlineData("abc", "is not an integer")]
    [InlineData("4.5", "is not an integer")]
    [InlineData("1e3", "is not an integer")]
    [InlineData(4.5, "is not a whole number")]
    [InlineData(1e19, "is not a whole number")]
    [InlineData(double.NaN, "is not a whole number")]
    public void Integer_TextOrFraction_RejectedWithReason(object raw, string reasonPart)
    {
        Assert.Contains(reasonPart, LegacyValueParser.Integer(raw).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-100L, true)]
    [InlineData(100L, true)]
    [InlineData(101L, false)]
    [InlineData(-101L, false)]
    public void Integer_WithRange_AcceptsOnlyInside(long raw, bool ok)
    {
        Assert.Equal(ok, LegacyValueParser.Integer(raw, -100, 100).Ok);
    }

    [Theory]
    [InlineData(0L, false)]
    [InlineData(1L, true)]
    public void Boolean_ZeroOrOne_Parses(long raw, bool expected)
    {
        Assert.Equal(expected, LegacyValueParser.Boolean(raw).Value);
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(-1L)]
    [InlineData(1.0)]
    [InlineData("true")]
    [InlineData("1")]
    public void Boolean_AnythingButZeroOrOne_Rejected(object raw)
    {
        Assert.Contains("is not a boolean (INTEGER 0 or 1)", LegacyValueParser.Boolean(raw).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Crème brûlée, São Paulo")]
    [InlineData("東京海上ホールディングス")]
    [InlineData("🚀 launch 👩‍💻")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("O'Brien said \"hi\" & left; -- DROP TABLE prospects;")]
    [InlineData("")]
    [InlineData("  padded  \n")]
    public void Text_AnyUnicodeOrMarkup_KeptExactly(string raw)
    {
        var result = LegacyValueParser.Text(raw, required: true);

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(raw, result.Value);
    }

    [Fact]
    public void Text_NulCharacter_RejectedWithPosition()
    {
        var result = LegacyValueParser.Text("abc\0def", required: false);

        Assert.False(result.Ok);
        Assert.Equal("'abc\\u0000def' contains a NUL character (U+0000), which PostgreSQL text cannot store at character 4", result.Reason);
    }

    [Fact]
    public void Text_UnpairedSurrogate_Rejected()
    {
        Assert.Contains("unpaired UTF-16 surrogate", LegacyValueParser.Text("ab\uD800c", required: false).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_RequiredButNull_Rejected()
    {
        Assert.Equal("a required text value is NULL", LegacyValueParser.Text(DBNull.Value, required: true).Reason);
    }

    [Fact]
    public void Text_OptionalNull_IsNull()
    {
        var result = LegacyValueParser.Text(null, required: false);

        Assert.True(result.Ok);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Text_Integer_BecomesItsDecimalText()
    {
        Assert.Equal("12345", LegacyValueParser.Text(12345L, required: true).Value);
    }

    [Fact]
    public void Text_Real_Rejected()
    {
        Assert.Equal("REAL 1.5 cannot be read as text", LegacyValueParser.Text(1.5, required: false).Reason);
    }

    [Fact]
    public void Text_OneMegabyte_KeptExactly()
    {
        var big = string.Concat(Enumerable.Repeat("Ünïcødé <b>x</b> ", 1_048_576 / 17));

        Assert.Same(big, LegacyValueParser.Text(big, required: true).Value);
    }

    [Fact]
    public void Text_OneMegabyteWithTrailingNul_RejectedWithShortReason()
    {
        var big = new string('x', 1_048_576) + "\0";

        var result = LegacyValueParser.Text(big, required: true);

        Assert.False(result.Ok);
        Assert.Contains("character 1048577", result.Reason, StringComparison.Ordinal);
        Assert.True(result.Reason!.Length < 300, "the reason must not carry the whole value");
    }

    [Theory]
    [InlineData("qualified", "qualified")]
    [InlineData("Qualified ", "qualified")]
    [InlineData("  NEGOTIATION\t", "negotiation")]
    public void Enum_CaseAndWhiteSpace_Normalised(string raw, string expected)
    {
        Assert.Equal(expected, LegacyValueParser.Enum(raw, Epic16.Domain.Acquisition.Prospects.ProspectStatus.All).Value);
    }

    [Theory]
    [InlineData("At Risk", "at_risk")]
    [InlineData("at-risk", "at_risk")]
    [InlineData("AT_RISK", "at_risk")]
    public void Enum_SpaceOrHyphenForUnderscore_Normalised(string raw, string expected)
    {
        Assert.Equal(expected, LegacyValueParser.Enum(raw, Epic16.Domain.Onboarding.OnboardingVocabulary.ClientStatuses).Value);
    }

    [Fact]
    public void Enum_HyphenatedTier_Normalised()
    {
        Assert.Equal("one_to_few", LegacyValueParser.Enum("one-to-few", Epic16.Domain.Abm.AbmVocabulary.Tiers).Value);
    }

    [Fact]
    public void Enum_UnknownWord_RejectedListingAllowedWords()
    {
        var result = LegacyValueParser.Enum("won", Epic16.Domain.Acquisition.Prospects.ProspectStatus.All);

        Assert.Equal(
            "unknown value 'won'; allowed: identified | researching | engaged | qualified | proposal | negotiation | converted | lost",
            result.Reason);
    }

    [Theory]
    [InlineData("at  risk")]
    [InlineData("atrisk")]
    [InlineData("at_risk!")]
    public void Enum_NearMiss_Rejected(string raw)
    {
        Assert.False(LegacyValueParser.Enum(raw, Epic16.Domain.Onboarding.OnboardingVocabulary.ClientStatuses).Ok);
    }

    [Fact]
    public void Enum_OptionalEmpty_IsNull()
    {
        var result = LegacyValueParser.Enum("", Epic16.Domain.Onboarding.OnboardingVocabulary.RiskLevels);

        Assert.True(result.Ok);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Enum_RequiredNull_Rejected()
    {
        Assert.StartsWith("a required value is NULL", LegacyValueParser.Enum(null, Epic16.Domain.Onboarding.OnboardingVocabulary.RiskLevels, required: true).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_Integer_Rejected()
    {
        Assert.StartsWith("INTEGER 3 cannot be read as one of", LegacyValueParser.Enum(3L, Epic16.Domain.Onboarding.OnboardingVocabulary.RiskLevels).Reason, StringComparison.Ordinal);
    }
}
