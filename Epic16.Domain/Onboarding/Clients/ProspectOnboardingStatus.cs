namespace Epic16.Domain.Onboarding.Clients;

/// <summary>What the prospect page shows of the client won from it: its status, CSM, go-live target and latest health.</summary>
public sealed record ProspectOnboardingStatus(long ClientId, string CompanyName, string Status, string? CsmOwner, DateOnly? GoLiveTarget, decimal? HealthScore, string? Band);
