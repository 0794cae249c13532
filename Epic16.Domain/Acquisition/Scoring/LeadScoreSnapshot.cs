namespace Epic16.Domain.Acquisition.Scoring;

/// <summary>One entry of a prospect's score history, as the page shows it.</summary>
public sealed record LeadScoreSnapshot(
    long Id,
    DateTime ScoredAt,
    decimal Score,
    decimal? Fit,
    decimal? Intent,
    decimal? Engagement,
    IReadOnlyDictionary<string, decimal> Factors,
    string? ModelVersion);
