using System.Text.Json;

namespace Epic16.Domain.DualWrite;

/// <summary>The figures recorded with every mode switch: what the Epic 7 pipeline and the stores looked like at the time.</summary>
public sealed record ModeFigures(
    decimal Epic7OpenUsd,
    decimal Epic7UntouchedUsd,
    decimal? ParityPercent,
    double SqliteP95Ms,
    double PostgresP95Ms,
    double SqliteErrorRate,
    double PostgresErrorRate,
    long MirrorFailures,
    long DriftFound)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModeFigures? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Trim() == "{}")
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ModeFigures>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
