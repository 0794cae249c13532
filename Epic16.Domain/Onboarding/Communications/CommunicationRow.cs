namespace Epic16.Domain.Onboarding.Communications;

public sealed record CommunicationRow(long Id, long ClientId, string Channel, string Direction, string? Subject, string? Summary, string? Author, DateTime OccurredAt);
