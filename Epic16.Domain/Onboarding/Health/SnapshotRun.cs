namespace Epic16.Domain.Onboarding.Health;

/// <summary>One run of the daily snapshot: the day, clients seen, snapshots written, escalations raised, how long it took.</summary>
public sealed record SnapshotRun(DateOnly Day, int Clients, int Written, int EscalationsRaised, TimeSpan Elapsed);
