namespace Epic16.Domain.Onboarding.Health;

/// <summary>A legacy client row the app cannot read (for example a go-live target that is not a date): kept aside, shown on the board.</summary>
public sealed record QuarantinedClient(long LegacyId, string Column, string? RawValue, string Reason);
