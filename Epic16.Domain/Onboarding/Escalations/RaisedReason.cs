namespace Epic16.Domain.Onboarding.Escalations;

/// <summary>A rule that fired: its reason code and the words that explain it.</summary>
public sealed record RaisedReason(string Reason, string Detail);
