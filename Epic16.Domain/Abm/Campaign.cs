namespace Epic16.Domain.Abm;

/// <summary>An account-based marketing campaign (legacy `campaigns`, PostgreSQL `abm_campaigns`).</summary>
public class Campaign
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Tier { get; set; } = AbmVocabulary.TierOneToFew;
    public string Status { get; set; } = AbmVocabulary.StatusPlanned;
    public List<long>? TargetAccounts { get; set; }
    public List<string>? Channels { get; set; }
    public decimal? BudgetUsd { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Owner { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
