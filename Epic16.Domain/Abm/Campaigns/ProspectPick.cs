namespace Epic16.Domain.Abm.Campaigns;

/// <summary>A prospect offered by the target-account picker.</summary>
public sealed record ProspectPick(long Id, string Company, string? Industry, int? FortuneRank, decimal? EstimatedArrUsd);
