namespace Epic16.Domain.Onboarding;

/// <summary>A client's health on one day (legacy `health_metrics`).</summary>
public class HealthMetric
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public DateOnly MetricDate { get; set; }
    public decimal? ProductUsage { get; set; }
    public int? SupportTickets { get; set; }
    public int? Nps { get; set; }
    public decimal? Engagement { get; set; }
    public decimal? MilestoneProgress { get; set; }
    public decimal? HealthScore { get; set; }
    public string? RiskLevel { get; set; }
}
