namespace Epic16.Domain.Abm.Performance;

/// <summary>An account row of the timeline and the heat map.</summary>
public sealed record TimelineAccount(long ProspectId, string Label);
