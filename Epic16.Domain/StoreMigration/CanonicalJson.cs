using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// JSON in a form fit for comparing two stores: object keys sorted (jsonb reorders them), numbers by value
/// (1.50 and 1.5 are equal), no white space. Never used to store anything.
/// </summary>
public static class CanonicalJson
{
    public static string Of(string json) => Write(JsonNode.Parse(json));

    public static string Of(JsonNode? node) => Write(node);

    private static string Write(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Write(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Write)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v),
        _ => node.ToJsonString(),
    };

    private static string Number(JsonValue value)
    {
        var text = value.ToJsonString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.############################", CultureInfo.InvariantCulture)
            : double.Parse(text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }
}
