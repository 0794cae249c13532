namespace Epic16.Domain.StoreMigration;

/// <summary>What one table's copy did.</summary>
public sealed record TableMigration(string LegacyTable, string TargetTable, long SourceRows, long MigratedRows, long QuarantinedRows, long DurationMs)
{
    public bool Complete => MigratedRows + QuarantinedRows == SourceRows;
}
