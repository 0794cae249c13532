namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// What a client's health on one day is computed from: the recorded inputs (null when nobody recorded them), the share of
/// milestones on time and the days since the last two-way contact (both computed; null when there is nothing to judge).
/// </summary>
public sealed record HealthSignals(decimal? ProductUsage, int? SupportTickets, int? Nps, decimal? Engagement, decimal? MilestonesOnTime, int? DaysSinceTwoWayContact);
