namespace Epic16.Domain.Onboarding.Communications;

/// <summary>Filters of the communication log; null means any. Dates are UTC days, inclusive.</summary>
public sealed record CommunicationQuery(long? ClientId = null, string? Channel = null, string? Direction = null, string? Author = null, DateOnly? From = null, DateOnly? To = null);
