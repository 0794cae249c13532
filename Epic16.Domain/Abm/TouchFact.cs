namespace Epic16.Domain.Abm;

/// <summary>The columns of a touchpoint the figures, engagement and attribution read (no notes).</summary>
public sealed record TouchFact(
    long Id, long CampaignId, long ProspectId, long? AssetId, string Channel, DateTime? ScheduledAt, DateTime? ExecutedAt, string Status, decimal? Score)
{
    /// <summary>When the touch happened, or is planned to.</summary>
    public DateTime? At => ExecutedAt ?? ScheduledAt;
}
