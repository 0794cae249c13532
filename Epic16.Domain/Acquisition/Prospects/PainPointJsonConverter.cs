using System.Text.Json;
using System.Text.Json.Serialization;

namespace Epic16.Domain.Acquisition.Prospects;

public sealed class PainPointJsonConverter : JsonConverter<PainPoint>
{
    public override PainPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return PainPoint.Plain(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A pain point is a string or an object, not {reader.TokenType}.");
        }

        var point = new PainPoint();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "area": point.Area = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                case "severity": point.Severity = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32(); break;
                case "description": point.Description = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        return point;
    }

    public override void Write(Utf8JsonWriter writer, PainPoint value, JsonSerializerOptions options)
    {
        if (value.IsPlainText)
        {
            writer.WriteStringValue(value.Description);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("area", value.Area);
        if (value.Severity is { } severity)
        {
            writer.WriteNumber("severity", severity);
        }
        else
        {
            writer.WriteNull("severity");
        }

        writer.WriteString("description", value.Description);
        writer.WriteEndObject();
    }
}
