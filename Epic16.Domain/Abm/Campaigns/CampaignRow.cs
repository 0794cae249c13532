namespace Epic16.Domain.Abm.Campaigns;

/// <summary>One campaign in the list, with its KPI columns (see <see cref="Performance.CampaignFigures"/> for the definitions).</summary>
public sealed record CampaignRow(
    long Id, string Name, string Tier, string Status, string? Owner, DateOnly? StartDate, DateOnly? EndDate, decimal? BudgetUsd,
    int TargetAccounts, int Touches, int EngagedAccounts, decimal? EngagementRatePercent, int Meetings, decimal? CostPerMeetingUsd);
