namespace Epic16.Domain.Abm;

/// <summary>A campaign's figures for one day (legacy `performance`, PostgreSQL `abm_performance`).</summary>
public class CampaignPerformance
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public DateOnly MetricDate { get; set; }
    public int? Impressions { get; set; }
    public int? Clicks { get; set; }
    public int? Engagements { get; set; }
    public int? MeetingsBooked { get; set; }
    public decimal? PipelineInfluencedUsd { get; set; }
    public decimal? CostUsd { get; set; }
}
