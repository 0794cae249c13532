namespace Epic16.Domain.Onboarding.Communications;

/// <summary>The communication form (settable for form binding).</summary>
public sealed class CommunicationInput
{
    public string Channel { get; set; } = "email";
    public string Direction { get; set; } = "outbound";
    public string? Subject { get; set; }
    public string? Summary { get; set; }
    public DateTime? OccurredAt { get; set; }
}
