namespace Epic16.Domain.Onboarding.Health;

/// <summary>What a CSM records for a client and day (settable for form binding); empty fields mean "no data".</summary>
public sealed class HealthInput
{
    public decimal? ProductUsage { get; set; }
    public int? SupportTickets { get; set; }
    public int? Nps { get; set; }
    public decimal? Engagement { get; set; }
}
