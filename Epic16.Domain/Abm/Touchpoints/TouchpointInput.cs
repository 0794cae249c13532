namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>One touch added by hand.</summary>
public sealed record TouchpointInput
{
    public long CampaignId { get; init; }

    public long ProspectId { get; init; }

    public string Channel { get; init; } = "";

    public long? AssetId { get; init; }

    public DateTime? ScheduledAt { get; init; }

    public string? Notes { get; init; }
}
