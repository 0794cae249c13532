using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Domain.Acquisition.PipelineBoard;

/// <summary>
/// One stage of the kanban: how many prospects the filters match in it, their total estimated ARR, that total weighted
/// by the stage's <see cref="StageProbability"/>, and the best-scored cards (the column shows the top, the count says how many more).
/// </summary>
public sealed record PipelineColumn(string Stage, int Count, decimal TotalUsd, decimal WeightedUsd, decimal Probability, IReadOnlyList<ProspectRow> Cards)
{
    public int Hidden => Count - Cards.Count;
}
