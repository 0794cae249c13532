namespace Epic16.Domain.Onboarding.Health;

/// <summary>A client's snapshot on one day, with its breakdown.</summary>
public sealed record HealthPoint(DateOnly Day, decimal? Score, string? Band, decimal CoveragePercent, IReadOnlyList<HealthComponentScore> Components);
