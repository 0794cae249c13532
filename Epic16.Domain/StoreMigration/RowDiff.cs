namespace Epic16.Domain.StoreMigration;

/// <summary>How a secondary store differs from the primary, by id (each list in id order).</summary>
public sealed record RowDiff(List<long> Missing, List<long> Different, List<long> Extra, long Skipped);
