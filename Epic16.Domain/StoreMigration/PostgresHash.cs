namespace Epic16.Domain.StoreMigration;

/// <summary>One PostgreSQL row: its id, canonical hash, and whether its JSON columns have the documented shape.</summary>
public sealed record PostgresHash(long Id, UInt128 Hash, bool JsonOk);
