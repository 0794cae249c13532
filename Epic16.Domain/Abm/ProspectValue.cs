namespace Epic16.Domain.Abm;

/// <summary>
/// A prospect's pipeline for ABM: its estimated ARR, or the Epic 7 deal it became once converted. <see cref="Company"/>
/// is null for a prospect that is quarantined or missing (its touches still count, its value is unknown: 0).
/// </summary>
public sealed record ProspectValue(long ProspectId, string? Company, string? Status, decimal? EstimatedArrUsd, decimal? ConvertedDealUsd)
{
    public decimal PipelineUsd => ConvertedDealUsd ?? EstimatedArrUsd ?? 0m;
}
