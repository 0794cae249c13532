namespace Epic16.Domain.Abm.Performance;

/// <summary>One touch on the timeline (an account's row, at its time, coloured by status).</summary>
public sealed record TimelineTouch(long Id, long ProspectId, string Channel, DateTime At, string Status, string? AssetTitle, decimal? EngagementScore);
