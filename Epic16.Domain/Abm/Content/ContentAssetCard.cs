namespace Epic16.Domain.Abm.Content;

/// <summary>
/// An asset with its usage: touches that carried it, how many reached the account, the engagement rate of those (engaged
/// over delivered) and the meetings among them.
/// </summary>
public sealed record ContentAssetCard(
    long Id, string Title, string AssetType, string? Persona, string? FunnelStage, string? Url, IReadOnlyList<string> MetadataLines, bool IsActive,
    DateTime CreatedAt, int Touches, int Delivered, int Engaged, decimal? EngagementRatePercent, int Meetings);
