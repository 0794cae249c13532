namespace Epic16.Domain.Abm.Content;

/// <summary>The content library's filters; all optional.</summary>
public sealed record ContentQuery
{
    public string? Search { get; init; }

    public string? AssetType { get; init; }

    public string? Persona { get; init; }

    public string? FunnelStage { get; init; }

    public bool? Active { get; init; }
}
