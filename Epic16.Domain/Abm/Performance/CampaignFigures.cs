namespace Epic16.Domain.Abm.Performance;

/// <summary>
/// A campaign's performance. Engaged touch: clicked, replied or meeting. Engagement rate: engaged touches over delivered
/// ones (sent or further). Click-through rate: the daily metrics' clicks over impressions. Meetings: touches that reached
/// meeting. Influenced pipeline: the pipeline (estimated ARR, or the converted deal) of target accounts with an engaged
/// touch dated inside the campaign window. Opportunities: influenced accounts at qualified or beyond (converted included).
/// Cost: the spend recorded in the daily metrics, or the budget while none is recorded. ROI: (influenced pipeline − cost) / cost.
/// </summary>
public sealed record CampaignFigures(
    int TargetAccounts, int Touches, int DeliveredTouches, int EngagedTouches, int EngagedAccounts, decimal? EngagementRatePercent,
    long Impressions, long Clicks, decimal? ClickThroughRatePercent, int Meetings, int MeetingsBookedDaily,
    decimal InfluencedPipelineUsd, int InfluencedAccounts, int Opportunities,
    decimal CostUsd, bool CostIsBudget, decimal? CostPerEngagedAccountUsd, decimal? CostPerMeetingUsd, decimal? CostPerOpportunityUsd,
    decimal? RoiPercent, decimal DailyPipelineInfluencedUsd);
