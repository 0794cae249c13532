using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Epic16.Domain.DemoData;

/// <summary>Writes a JSON document the way Python's <c>repr</c> prints it, as the first legacy version stored JSON columns.</summary>
public static class PythonRepr
{
    public static string From(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, JsonNode? node)
    {
        switch (node)
        {
            case null:
                b.Append("None");
                break;
            case JsonObject obj:
                b.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    b.Append(first ? "" : ", ");
                    first = false;
                    AppendString(b, key);
                    b.Append(": ");
                    Write(b, value);
                }

                b.Append('}');
                break;
            case JsonArray array:
                b.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    b.Append(i == 0 ? "" : ", ");
                    Write(b, array[i]);
                }

                b.Append(']');
                break;
            case JsonValue value:
                WriteValue(b, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder b, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                AppendString(b, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                b.Append("True");
                break;
            case JsonValueKind.False:
                b.Append("False");
                break;
            case JsonValueKind.Null:
                b.Append("None");
                break;
            default:
                if (value.TryGetValue<int>(out var i))
                {
                    b.Append(i.ToString(CultureInfo.InvariantCulture));
                }
                else if (value.TryGetValue<long>(out var l))
                {
                    b.Append(l.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    // Python prints a float with a decimal point even when it is whole: 12.0.
                    var text = value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
                    b.Append(text).Append(text.Contains('.') || text.Contains('E') ? "" : ".0");
                }

                break;
        }
    }

    /// <summary>Python's quoting: single quotes unless the text holds a single quote and no double quote.</summary>
    private static void AppendString(StringBuilder b, string text)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        b.Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        b.Append('\\').Append(c);
                    }
                    else if (c < ' ')
                    {
                        b.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append(quote);
    }
}
