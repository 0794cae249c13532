namespace Epic16.Domain.Acquisition.Sequences;

/// <summary>A named sales cadence: the steps a sequence started from it schedules, in order.</summary>
public sealed record Cadence(string Name, string Description, IReadOnlyList<CadenceStep> Steps);
