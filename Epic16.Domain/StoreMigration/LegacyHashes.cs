namespace Epic16.Domain.StoreMigration;

/// <summary>The legacy side of a table: the hash of every readable row by id, the ids that cannot be read, and all rows read.</summary>
public sealed record LegacyHashes(Dictionary<long, UInt128> Hashes, HashSet<long> Unreadable, long Rows);
