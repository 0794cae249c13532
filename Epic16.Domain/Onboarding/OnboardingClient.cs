namespace Epic16.Domain.Onboarding;

/// <summary>A won enterprise client being onboarded (legacy `clients`, PostgreSQL `onboarding_clients`).</summary>
public class OnboardingClient
{
    public long Id { get; set; }
    public string CompanyName { get; set; } = "";
    public long? ProspectId { get; set; }
    public long? TemplateId { get; set; }
    public decimal? ContractValueUsd { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? GoLiveTarget { get; set; }
    public string? CsmOwner { get; set; }
    public string Status { get; set; } = "kickoff";
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
