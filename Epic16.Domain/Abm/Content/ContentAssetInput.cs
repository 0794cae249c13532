namespace Epic16.Domain.Abm.Content;

/// <summary>The asset form.</summary>
public sealed record ContentAssetInput
{
    public string Title { get; init; } = "";

    public string AssetType { get; init; } = "";

    public string? Persona { get; init; }

    public string? FunnelStage { get; init; }

    public string? Url { get; init; }
}
