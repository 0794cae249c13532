using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>A Fortune 500 company being worked by Sales (legacy `prospects`, PostgreSQL `f500_prospects`).</summary>
public class Prospect
{
    public long Id { get; set; }
    public string CompanyName { get; set; } = "";
    public int? FortuneRank { get; set; }
    public string? Industry { get; set; }
    public string? Headquarters { get; set; }
    public decimal? AnnualRevenueUsd { get; set; }
    public long? EmployeeCount { get; set; }
    public string? Website { get; set; }
    public string Status { get; set; } = ProspectStatus.Identified;
    public decimal? LeadScore { get; set; }
    public decimal? EstimatedArrUsd { get; set; }
    public List<DecisionMaker>? DecisionMakers { get; set; }
    public List<string>? TechStack { get; set; }
    public List<PainPoint>? PainPoints { get; set; }
    public string? Owner { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
