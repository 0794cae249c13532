using System.Text.Json.Nodes;

namespace Epic16.Domain.Abm;

/// <summary>A piece of the content library (legacy `content_assets`).</summary>
public class ContentAsset
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string AssetType { get; set; } = "";
    public string? Persona { get; set; }
    public string? FunnelStage { get; set; }
    public string? Url { get; set; }
    public JsonObject? Metadata { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
