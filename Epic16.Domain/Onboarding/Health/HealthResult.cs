namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// A computed health score with its band and breakdown; <see cref="CoveragePercent"/> is the share of the weights that had
/// data (the rest was re-weighted). No component with data gives no score.
/// </summary>
public sealed record HealthResult(decimal? Score, string? Band, decimal CoveragePercent, IReadOnlyList<HealthComponentScore> Components);
