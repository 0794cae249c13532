namespace Epic16.Domain.StoreMigration;

/// <summary>The result of a `migrate` run: per table and in total, with the parity of what was meant to arrive.</summary>
public sealed record MigrationReport(IReadOnlyList<TableMigration> Tables, decimal ParityPercent, string? FailedTable = null, string? Error = null)
{
    public long SourceRows => Tables.Sum(t => t.SourceRows);
    public long MigratedRows => Tables.Sum(t => t.MigratedRows);
    public long QuarantinedRows => Tables.Sum(t => t.QuarantinedRows);
    public long DurationMs => Tables.Sum(t => t.DurationMs);
    public bool Failed => FailedTable is not null;

    public string Outcome => Failed ? "failed" : QuarantinedRows > 0 ? "quarantined" : "ok";
}
