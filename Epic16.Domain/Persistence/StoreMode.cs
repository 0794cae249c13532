namespace Epic16.Domain.Persistence;

/// <summary>Where the 15 Epic 16 tables live, in the order a migration moves through.</summary>
public enum StoreMode
{
    SqliteOnly,
    DualWriteSqlitePrimary,
    DualWritePostgresPrimary,
    PostgresOnly,
}
