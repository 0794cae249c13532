using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// Turns a legacy JSON column into one canonical JSON text, whether the row holds JSON or a
/// Python literal: the same document always gives the same text (compact, keys in their
/// original order, numbers as written), so both stores hold identical documents.
/// </summary>
internal static class LegacyJson
{
    private static readonly JsonDocumentOptions Strict = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = PythonLiteral.MaxDepth,
    };

    // Relaxed escaping keeps accents, CJK and markup readable; the text is data, never HTML.
    private static readonly JsonSerializerOptions Canonical = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static ParseResult<string?> Normalize(string text, JsonValueKind? expected)
    {
        var json = FromJson(text);
        var node = json.Ok ? json : PythonLiteral.Parse(text);
        if (!node.Ok)
        {
            return ParseResult<string?>.Fail($"{LegacyRaw.Quote(text)} is neither JSON ({json.Reason}) nor a Python literal ({node.Reason})");
        }

        var kind = node.Value?.GetValueKind() ?? JsonValueKind.Null;
        if (expected is { } want && kind != want)
        {
            return ParseResult<string?>.Fail($"expected a JSON {Name(want)} but found {Name(kind)} in {LegacyRaw.Quote(text)}");
        }

        var problem = FindUnstorableString(node.Value);
        if (problem is not null)
        {
            return ParseResult<string?>.Fail($"{LegacyRaw.Quote(text)} holds {problem}");
        }

        try
        {
            return ParseResult<string?>.Success(node.Value is null ? "null" : node.Value.ToJsonString(Canonical));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException)
        {
            return ParseResult<string?>.Fail($"{LegacyRaw.Quote(text)} cannot be written as JSON: {ex.Message}");
        }
    }

    private static ParseResult<JsonNode?> FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Strict);
            return ParseResult<JsonNode?>.Success(Build(document.RootElement));
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" : "";
            return ParseResult<JsonNode?>.Fail($"JSON error{where}: {(cut > 0 ? message[..cut] : message)}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return ParseResult<JsonNode?>.Fail("JSON error: " + ex.Message);
        }
    }

    // Copies the document into fresh nodes: duplicate keys are caught here, and numbers keep
    // their text exactly as PythonLiteral's do, so both paths serialise alike.
    private static JsonNode? Build(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (!obj.TryAdd(property.Name, Build(property.Value)))
                    {
                        throw new JsonException($"duplicate key {LegacyRaw.Quote(property.Name)}.");
                    }
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Build(item));
                }

                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.Number:
                return JsonValue.Create(element.Clone());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    // jsonb rejects \u0000 and JSON text cannot carry an unpaired surrogate.
    private static string? FindUnstorableString(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (LegacyRaw.FirstUnstorableChar(key, out var problem) >= 0)
                    {
                        return problem + " in a key";
                    }

                    if (FindUnstorableString(value) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (FindUnstorableString(item) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return LegacyRaw.FirstUnstorableChar(value.GetValue<string>(), out var p) >= 0 ? p : null;
            default:
                return null;
        }
    }

    private static string Name(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
