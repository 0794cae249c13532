using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>What a rep types into the prospect form; the stage is not here because it moves only through <see cref="ProspectStages"/>.</summary>
public sealed record ProspectInput
{
    public string CompanyName { get; init; } = "";
    public int? FortuneRank { get; init; }
    public string? Industry { get; init; }
    public string? Headquarters { get; init; }
    public decimal? AnnualRevenueUsd { get; init; }
    public long? EmployeeCount { get; init; }
    public string? Website { get; init; }
    public decimal? LeadScore { get; init; }
    public decimal? EstimatedArrUsd { get; init; }
    public IReadOnlyList<DecisionMaker>? DecisionMakers { get; init; }
    public IReadOnlyList<string>? TechStack { get; init; }
    public IReadOnlyList<PainPoint>? PainPoints { get; init; }
    public string? Owner { get; init; }
    public string? Notes { get; init; }
}
