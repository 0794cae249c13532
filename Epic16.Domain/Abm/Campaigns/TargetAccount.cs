namespace Epic16.Domain.Abm.Campaigns;

/// <summary>A campaign's target account; <see cref="Company"/> is null when the prospect is quarantined or missing.</summary>
public sealed record TargetAccount(long ProspectId, string? Company, string? Status, decimal? EstimatedArrUsd)
{
    public string Label => Company ?? $"Prospect #{ProspectId} (not readable: quarantined or missing)";
}
