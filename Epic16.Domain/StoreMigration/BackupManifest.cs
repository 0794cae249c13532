using System.Text.Json;
using System.Text.Json.Serialization;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// The `manifest.json` of a backup folder: when it was taken (UTC), by which build, why (`backup` or `pre-restore`),
/// from which folder, and each file's size, SHA-256 and row counts. A restore trusts nothing the manifest does not vouch for.
/// </summary>
public sealed record BackupManifest(DateTime CreatedAt, string AppVersion, string Reason, string SourceDirectory, IReadOnlyList<BackupFileEntry> Files)
{
    public const string FileName = "manifest.json";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [JsonIgnore]
    public long TotalRows => Files.Sum(f => f.TotalRows);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a manifest; throws <see cref="JsonException"/> when it is not one (a field missing or null included).</summary>
    public static BackupManifest Parse(string json) =>
        JsonSerializer.Deserialize<BackupManifest>(json, JsonOptions) ?? throw new JsonException("the manifest is null");
}
