namespace Epic16.Domain.Onboarding;

/// <summary>The words the onboarding tables allow (from the legacy DDL).</summary>
public static class OnboardingVocabulary
{
    public static readonly IReadOnlyList<string> ClientStatuses = ["kickoff", "implementation", "adoption", "live", "at_risk", "churned"];
    public static readonly IReadOnlyList<string> MilestoneStatuses = ["pending", "in_progress", "done", "blocked"];
    public static readonly IReadOnlyList<string> RiskLevels = ["healthy", "watch", "at_risk", "critical"];
    public static readonly IReadOnlyList<string> Channels = ["email", "call", "meeting", "qbr", "slack", "ticket"];
    public static readonly IReadOnlyList<string> Directions = ["inbound", "outbound"];
}
