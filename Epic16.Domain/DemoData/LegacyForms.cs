using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Epic16.Domain.DemoData;

/// <summary>
/// Writes values in the forms the legacy application left behind (legacy-schema/README.md): mixed timestamp
/// formats and epoch seconds, full timestamps in date columns, Python literals in JSON columns, enum words in
/// varied case and white space. Every choice comes from the caller's seeded <see cref="Random"/>.
/// </summary>
public static class LegacyForms
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The share of JSON values written as Python literals.</summary>
    public const double PythonLiteralShare = 0.12;

    public static string Format(DateTime utc, TimestampForm form) => form switch
    {
        TimestampForm.Plain => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        TimestampForm.Microseconds => utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        TimestampForm.IsoT => utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimestampForm.IsoOffset => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture),
        TimestampForm.IsoZ => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(form), "Epoch seconds are an integer, not text: use Timestamp."),
    };

    /// <summary>A timestamp in one of the six legacy forms: text, or a <see cref="long"/> of epoch seconds.</summary>
    public static object Timestamp(DateTime utc, Random rng)
    {
        var form = rng.Next(100) switch
        {
            < 40 => TimestampForm.Plain,
            < 60 => TimestampForm.Microseconds,
            < 70 => TimestampForm.IsoT,
            < 80 => TimestampForm.IsoOffset,
            < 90 => TimestampForm.IsoZ,
            _ => TimestampForm.EpochSeconds,
        };
        return form == TimestampForm.EpochSeconds
            ? new DateTimeOffset(utc).ToUnixTimeSeconds()
            : Format(utc, form);
    }

    /// <summary>An optional timestamp: NULL, the empty string (which the legacy app also meant as NULL) or a value.</summary>
    public static object? OptionalTimestamp(DateTime? utc, Random rng)
    {
        if (utc is null)
        {
            return rng.Next(3) == 0 ? "" : null;
        }

        return Timestamp(utc.Value, rng);
    }

    /// <summary>A date, now and then as a full timestamp (no offset, so its date part is the date).</summary>
    public static string Date(DateOnly date, Random rng, double fullTimestampShare = 0.08)
    {
        if (rng.NextDouble() >= fullTimestampShare)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return rng.Next(2) == 0
            ? date.ToString("yyyy-MM-dd' 00:00:00'", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd'T09:30:00'", CultureInfo.InvariantCulture);
    }

    /// <summary>An enum word, now and then in another case or with white space around it (never another word).</summary>
    public static string Enum(string word, Random rng)
    {
        var roll = rng.Next(100);
        return roll switch
        {
            < 90 => word,
            < 92 => char.ToUpperInvariant(word[0]) + word[1..],
            < 94 => word.ToUpperInvariant(),
            < 96 => char.ToUpperInvariant(word[0]) + word[1..] + " ",
            < 98 => " " + word,
            _ => "  " + word.ToUpperInvariant() + "\t",
        };
    }

    /// <summary>JSON text, or (at the given share) the same document as a Python literal; NULL stays NULL.</summary>
    public static string? Json(JsonNode? node, Random rng, double pythonShare = PythonLiteralShare)
    {
        if (node is null)
        {
            return null;
        }

        return rng.NextDouble() < pythonShare ? PythonRepr.From(node) : node.ToJsonString(JsonOptions);
    }

    public static string Json(JsonNode node) => node.ToJsonString(JsonOptions);

    public static double Money(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A moment between two instants, with microseconds, as the legacy app's clock produced them.</summary>
    public static DateTime Between(DateTime from, DateTime to, Random rng)
    {
        var span = Math.Max(1, (to - from).Ticks / 10);
        var micros = (long)(rng.NextDouble() * span);
        return from.AddTicks(micros * 10);
    }
}
