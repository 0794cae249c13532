using Epic16.Domain.Abm;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Domain.Acquisition.Scoring;

/// <summary>
/// Everything the lead-scoring model looks at, taken out of the entities so the model stays pure:
/// the same inputs always give the same score, whichever store they were read from.
/// </summary>
public sealed record ScoringInputs(
    int? FortuneRank,
    decimal? AnnualRevenueUsd,
    string? Industry,
    long? EmployeeCount,
    IReadOnlyList<string>? TechStack,
    IReadOnlyList<PainPoint>? PainPoints,
    IReadOnlyList<EngagementEvent> SequenceSteps,
    IReadOnlyList<EngagementEvent> Touchpoints,
    DateTime AsOf)
{
    public static ScoringInputs From(Prospect prospect, IEnumerable<SequenceStep> steps, IEnumerable<Touchpoint> touchpoints, DateTime asOf) => new(
        prospect.FortuneRank,
        prospect.AnnualRevenueUsd,
        prospect.Industry,
        prospect.EmployeeCount,
        prospect.TechStack,
        prospect.PainPoints,
        [.. steps.Select(s => new EngagementEvent(s.Status, s.SentAt))],
        [.. touchpoints.Select(t => new EngagementEvent(t.Status, t.ExecutedAt))],
        asOf);
}
