namespace Epic16.Domain.Abm.Performance;

/// <summary>One account's weekly engagement, one value per <see cref="HeatMap.Weeks"/> entry.</summary>
public sealed record HeatMapRow(long ProspectId, string Label, IReadOnlyList<decimal> Values);
