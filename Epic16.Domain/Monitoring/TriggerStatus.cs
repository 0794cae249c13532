namespace Epic16.Domain.Monitoring;

/// <summary>One rollback trigger as last evaluated: tripped or not, the figure it saw and the limit it holds to.</summary>
public sealed record TriggerStatus(string Key, string Name, bool Tripped, string Figure, string Limit);
