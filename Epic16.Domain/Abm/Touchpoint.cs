namespace Epic16.Domain.Abm;

/// <summary>One contact with a target account within a campaign (legacy `touchpoints`).</summary>
public class Touchpoint
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public long ProspectId { get; set; }
    public long? AssetId { get; set; }
    public string Channel { get; set; } = "";
    public DateTime? ScheduledAt { get; set; }
    public DateTime? ExecutedAt { get; set; }
    public string Status { get; set; } = "scheduled";
    public decimal? EngagementScore { get; set; }
    public string? Notes { get; set; }
}
