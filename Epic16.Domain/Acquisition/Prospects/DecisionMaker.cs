using System.Text.Json;
using System.Text.Json.Serialization;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>A member of the buying committee, kept in the prospect's `decision_makers` JSON with the legacy keys.</summary>
public sealed class DecisionMaker
{
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }
    public int? Influence { get; set; }
    public string? Linkedin { get; set; }

    /// <summary>Keys the legacy app wrote beyond the documented ones (`primary`, `phone`…), kept on rewrite.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
