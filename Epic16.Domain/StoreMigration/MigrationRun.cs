namespace Epic16.Domain.StoreMigration;

/// <summary>A recorded migration-side operation (migrate, backup, restore, quarantine repair): who, when, what, result, figures.</summary>
public class MigrationRun
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Tables { get; set; }
    public string Outcome { get; set; } = "running";
    public long SourceRows { get; set; }
    public long MigratedRows { get; set; }
    public long QuarantinedRows { get; set; }
    public decimal? ParityPercent { get; set; }

    /// <summary>The full result as JSON (the same document the CLI's --json prints).</summary>
    public string? Report { get; set; }
    public string? Error { get; set; }
}
