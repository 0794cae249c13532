namespace Epic16.Domain.Onboarding.Health;

/// <summary>The five parts of the health score, as stored in a snapshot's breakdown.</summary>
public static class HealthComponents
{
    public const string ProductUsage = "product_usage";
    public const string MilestoneProgress = "milestone_progress";
    public const string SupportTickets = "support_tickets";
    public const string Nps = "nps";
    public const string Engagement = "engagement";

    public static readonly IReadOnlyList<string> All = [ProductUsage, MilestoneProgress, SupportTickets, Nps, Engagement];

    /// <summary>A component below this is in its red zone (an escalation reason).</summary>
    public const decimal RedZoneBelow = 30m;

    public static string Label(string component) => component switch
    {
        ProductUsage => "Product usage",
        MilestoneProgress => "Milestones on time",
        SupportTickets => "Support tickets",
        Nps => "NPS",
        Engagement => "Engagement & contact recency",
        _ => component,
    };
}
