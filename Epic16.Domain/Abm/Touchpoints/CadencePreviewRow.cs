namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>A touch the cadence will create.</summary>
public sealed record CadencePreviewRow(long ProspectId, string Company, int Step, string Channel, long? AssetId, string? AssetTitle, DateTime ScheduledAt);
