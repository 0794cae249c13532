namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>An outcome recorded on a touch. The score (0–100) defaults by status (<see cref="TouchpointStatuses.DefaultScore"/>); executed defaults to now.</summary>
public sealed record TouchpointOutcome(string Status, decimal? EngagementScore = null, string? Notes = null, DateTime? ExecutedAt = null);
