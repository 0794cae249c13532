namespace Epic16.Domain.Acquisition.Scoring;

/// <summary>
/// A computed lead score: the 0-100 total, its three parts and the points of every factor.
/// <see cref="Factors"/> add up exactly to <see cref="Score"/>, so the page can show where each point came from.
/// </summary>
public sealed record ScoreResult(
    decimal Score,
    decimal Fit,
    decimal Intent,
    decimal Engagement,
    IReadOnlyDictionary<string, decimal> Factors,
    string ModelVersion);
