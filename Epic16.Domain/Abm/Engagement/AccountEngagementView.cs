namespace Epic16.Domain.Abm.Engagement;

/// <summary>A prospect's ABM picture for its ABM tab: score, stage and why, and its touches per campaign.</summary>
public sealed record AccountEngagementView(
    long ProspectId, decimal Score, string Stage, IReadOnlyList<string> Why, int Touches, int Delivered, int Meetings,
    DateTime? LastTouchAt, IReadOnlyList<CampaignTouchSummary> Campaigns);
