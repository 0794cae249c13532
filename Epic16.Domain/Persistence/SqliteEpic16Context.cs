using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Persistence;

/// <summary>
/// The three legacy SQLite files on one connection (the other two ATTACHed). Never migrated by EF:
/// the legacy DDL is the schema.
/// </summary>
public sealed class SqliteEpic16Context(DbContextOptions<SqliteEpic16Context> options, QuarantinedIds? quarantined = null)
    : Epic16Context(options, quarantined ?? QuarantinedIds.None)
{
    public override StoreKind Store => StoreKind.Sqlite;

    protected override StoreMapping Mapping => SqliteMapping.Instance;
}
