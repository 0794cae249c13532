namespace Epic16.Domain.Abm.Engagement;

/// <summary>One campaign's touches of an account and the points they add to its score today.</summary>
public sealed record CampaignTouchSummary(long CampaignId, string? CampaignName, int Touches, int Engaged, decimal Points, DateTime? LastTouchAt);
