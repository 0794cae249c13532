using Microsoft.EntityFrameworkCore.Metadata;

namespace Epic16.Domain.Persistence;

/// <summary>One of the 15 Epic 16 tables as both stores map it: legacy name and file, target name, and both EF entity types.</summary>
public sealed record LegacyTable(Type EntityType, string LegacyName, string TargetName, string FileName, IEntityType Sqlite, IEntityType Postgres)
{
    /// <summary>Mapped properties in the legacy table's column order (the key first).</summary>
    public IReadOnlyList<IProperty> Properties { get; } = Sqlite.GetProperties().ToList();

    public override string ToString() => LegacyName;
}
