using Epic16.Domain.Onboarding.Health;

namespace Epic16.Domain.Onboarding.Escalations;

/// <summary>What the escalation rules look at for one client and day.</summary>
public sealed record EscalationFacts(
    DateOnly Day, HealthResult Health, decimal? ScoreThirtyDaysEarlier, string? PreviousBand, bool HasPreviousSnapshot,
    IReadOnlyList<(string Name, DateOnly Due)> UnfinishedMilestones, int? DaysSinceTwoWayContact, DateOnly? ClientStart);
