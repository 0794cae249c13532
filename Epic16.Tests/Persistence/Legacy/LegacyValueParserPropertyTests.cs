using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Tests.Persistence.Legacy;

/// <summary>Random inputs: the parser never throws, and what the app writes it reads back unchanged.</summary>
public sealed class LegacyValueParserPropertyTests
{
    private const long Iterations = 10_000;

    // Characters that reach the interesting branches: digits, separators, quotes, brackets, escapes.
    private static readonly Gen<string> NearMiss =
        Gen.String[Gen.Char["0123456789-:. TZ+eE[](){}'\",\\xuNnTrueFalsNo_L\n\0é"], 0, 40];

    private static readonly Gen<string> AnyChars =
        Gen.Char[(char)0, (char)0xFFFF].Array[0, 60].Select(chars => new string(chars));

    private static readonly Gen<object?> AnyRaw = Gen.Frequency<object?>(
        (1, Gen.Const(0).Select(_ => (object?)null)),
        (1, Gen.Const<object?>(DBNull.Value)),
        (3, Gen.Long.Select(v => (object?)v)),
        (2, Gen.Long[-1_000, 300_000_000_000].Select(v => (object?)v)),
        (3, Gen.Double.Select(v => (object?)v)),
        (1, Gen.Int.Select(v => (object?)v)),
        (3, Gen.String.Select(v => (object?)v)),
        (3, AnyChars.Select(v => (object?)v)),
        (5, NearMiss.Select(v => (object?)v)),
        (1, Gen.Byte.Array.Select(v => (object?)v)));

    [Fact]
    public void EveryParser_AnyRawValue_ParsesOrGivesStorableReason()
    {
        AnyRaw.Sample(raw =>
        {
            AssertOutcome(LegacyValueParser.Timestamp(raw));
            AssertOutcome(LegacyValueParser.Date(raw));
            AssertOutcome(LegacyValueParser.Money(raw));
            AssertOutcome(LegacyValueParser.Score(raw));
            AssertOutcome(LegacyValueParser.Percentage(raw));
            AssertOutcome(LegacyValueParser.Integer(raw));
            AssertOutcome(LegacyValueParser.Integer(raw, -100, 100));
            AssertOutcome(LegacyValueParser.Boolean(raw));
            AssertOutcome(LegacyValueParser.Text(raw, required: true));
            AssertOutcome(LegacyValueParser.Enum(raw, Epic16.Domain.Onboarding.OnboardingVocabulary.ClientStatuses));
            AssertOutcome(LegacyValueParser.Json(raw));

            var timestamp = LegacyValueParser.Timestamp(raw);
            Assert.True(timestamp.Value is null || timestamp.Value.Value.Kind == DateTimeKind.Utc);
            var money = LegacyValueParser.Money(raw);
            Assert.True(money.Value is null || Math.Abs(money.Value.Value) < LegacyValueParser.MoneyLimit);
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Json_AnyParsedValue_IsValidJsonThatParsesToItself()
    {
        NearMiss.Sample(text =>
        {
            var result = LegacyValueParser.Json(text);
            if (result.Value is { } json)
            {
                using var _ = JsonDocument.Parse(json);
                Assert.Equal(json, LegacyValueParser.Json(json).Value);
            }
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Timestamp_FormatThenParse_RoundTrips()
    {
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Select(t => new DateTime(t - (t % 10), DateTimeKind.Utc)).Sample(utc =>
        {
            var text = LegacyValueFormat.FormatTimestamp(utc);

            Assert.Equal(utc, LegacyValueParser.Timestamp(text).Value);
        }, iter: Iterations);
    }

    [Fact]
    public void Date_FormatThenParse_RoundTrips()
    {
        Gen.DateOnly.Sample(date =>
        {
            Assert.Equal(date, LegacyValueParser.Date(LegacyValueFormat.FormatDate(date)).Value);
        }, iter: Iterations);
    }

    [Fact]
    public void Money_ToRealThenParse_RoundTrips()
    {
        Gen.Long[-99_999_999_999_999, 99_999_999_999_999].Select(cents => cents / 100m).Sample(money =>
        {
            Assert.Equal(money, LegacyValueParser.Money(LegacyValueFormat.ToReal(money)).Value);
            Assert.Equal(money, LegacyValueParser.Money(money.ToString(CultureInfo.InvariantCulture)).Value);
        }, iter: Iterations);
    }

    [Fact]
    public void Json_PythonReprAndJsonOfSameDocument_GiveIdenticalText()
    {
        Document(3).Sample(doc =>
        {
            var fromJson = LegacyValueParser.Json(doc.Json);
            var fromPython = LegacyValueParser.Json(doc.Python);

            Assert.True(fromJson.Ok, fromJson.Reason);
            Assert.True(fromPython.Ok, fromPython.Reason);
            Assert.Equal(fromJson.Value, fromPython.Value);
        }, iter: 5_000, print: doc => doc.Python);
    }

    private static void AssertOutcome<T>(ParseResult<T> result)
    {
        if (!result.Ok)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            Assert.Equal(-1, LegacyRaw.FirstUnstorableChar(result.Reason!, out _));
            Assert.True(result.Reason!.Length < 1_000, "a reason stays short");
        }
    }

    private static string Show(object? raw) => raw switch
    {
        string s => "string " + JsonSerializer.Serialize(s),
        byte[] b => "byte[] " + Convert.ToHexString(b),
        double d => "double " + d.ToString("R", CultureInfo.InvariantCulture),
        _ => raw?.GetType().Name + " " + raw,
    };

    /// <summary>One random document written both as JSON and as Python's repr would write it.</summary>
    private sealed record Doc(string Json, string Python);

    private static readonly Gen<string> Words =
        Gen.String[Gen.Char["ab Zé東🚀'\"\\\n\t<>&\u0001"], 0, 8].Where(s => !HasBrokenSurrogate(s));

    private static Gen<Doc> Document(int depth)
    {
        var leaf = Gen.OneOf(
            Words.Select(s => new Doc(JsonSerializer.Serialize(s), PythonRepr(s))),
            Gen.Long.Select(n => new Doc(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture))),
            Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)).Select(t => new Doc(t, t)),
            Gen.Bool.Select(b => new Doc(b ? "true" : "false", b ? "True" : "False")),
            Gen.Const(new Doc("null", "None")));
        if (depth == 0)
        {
            return leaf;
        }

        var child = Document(depth - 1);
        var list = child.Array[0, 4].Select(items => new Doc(
            "[" + string.Join(",", items.Select(i => i.Json)) + "]",
            "[" + string.Join(", ", items.Select(i => i.Python)) + "]"));
        var tuple = child.Array[2, 4].Select(items => new Doc(
            "[" + string.Join(",", items.Select(i => i.Json)) + "]",
            "(" + string.Join(", ", items.Select(i => i.Python)) + ")"));
        var dict = Gen.Select(Words.Array[0, 4], child.Array[4], (keys, values) =>
        {
            var unique = keys.Distinct().ToArray();
            return new Doc(
                "{" + string.Join(",", unique.Select((k, i) => JsonSerializer.Serialize(k) + ":" + values[i].Json)) + "}",
                "{" + string.Join(", ", unique.Select((k, i) => PythonRepr(k) + ": " + values[i].Python)) + "}");
        });
        return Gen.Frequency((2, leaf), (1, list), (1, tuple), (1, dict));
    }

    // str.__repr__: single quotes unless the text has a ' and no ", escapes for the rest.
    private static string PythonRepr(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                _ when c < 0x20 || c == 0x7f => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append(quote).ToString();
    }

    private static bool HasBrokenSurrogate(string s) => LegacyRaw.FirstUnstorableChar(s, out _) >= 0;
}
