namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>One step of a cadence: on which channel, with which asset (optional), how many days after the start.</summary>
public sealed record CadenceStepInput(string Channel, long? AssetId, int DayOffset);
