namespace Epic16.Domain.Persistence;

/// <summary>The mode an instance serves, since when and by whom; whether the emergency switch forced it; whether it was read from the database yet.</summary>
public sealed record StoreModeSnapshot(StoreMode Mode, DateTime? ChangedAt, string? ChangedBy, bool ForcedByEmergencySwitch, bool Persisted);
