namespace Epic16.Domain.Acquisition.Scoring;

/// <summary>One snapshot of a prospect's score with the points of every factor (legacy `lead_scoring`).</summary>
public class LeadScore
{
    public long Id { get; set; }
    public long ProspectId { get; set; }
    public decimal Score { get; set; }
    public decimal? FitScore { get; set; }
    public decimal? IntentScore { get; set; }
    public decimal? EngagementScore { get; set; }
    public Dictionary<string, decimal>? Factors { get; set; }
    public string? ModelVersion { get; set; }
    public DateTime ScoredAt { get; set; }
}
