namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>A touch in the touchpoints list and the timeline. <see cref="Company"/> is null when the prospect is quarantined or missing.</summary>
public sealed record TouchpointRow(
    long Id, long CampaignId, string? CampaignName, long ProspectId, string? Company, string Channel, long? AssetId, string? AssetTitle,
    DateTime? ScheduledAt, DateTime? ExecutedAt, string Status, decimal? EngagementScore, string? Notes)
{
    public string Account => Company ?? $"Prospect #{ProspectId} (quarantined)";

    public DateTime? At => ExecutedAt ?? ScheduledAt;

    public IReadOnlyList<string> NextStatuses => TouchpointStatuses.TargetsFrom(Status);
}
