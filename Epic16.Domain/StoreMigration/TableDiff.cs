namespace Epic16.Domain.StoreMigration;

/// <summary>
/// One table compared across the two stores (<see cref="TableMerge"/>): the legacy rows read and how many of them could not
/// be, the PostgreSQL rows, the counts per kind of mismatch, the first mismatches in id order (a mismatch kind is "missing",
/// "extra", "different" or "json"), and the ids of the readable legacy rows when they were asked for.
/// </summary>
public sealed record TableDiff(
    long SourceRows, long Unreadable, long TargetRows, long Missing, long Extra, long Different, long JsonErrors,
    IReadOnlyList<(long Id, string Kind)> FirstMismatches, HashSet<long>? ReadableIds);
