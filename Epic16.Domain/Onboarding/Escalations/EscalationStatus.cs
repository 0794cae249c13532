namespace Epic16.Domain.Onboarding.Escalations;

public static class EscalationStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}
