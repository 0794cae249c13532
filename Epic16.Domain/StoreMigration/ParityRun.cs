namespace Epic16.Domain.StoreMigration;

/// <summary>A recorded `validate`: who, when, the parity, the mismatches and the business figures.</summary>
public class ParityRun
{
    public long Id { get; set; }
    public string Actor { get; set; } = "";
    public DateTime RunAt { get; set; }
    public decimal ParityPercent { get; set; }
    public long Mismatches { get; set; }
    public long QuarantinedRows { get; set; }
    public decimal MaxFigureVariancePercent { get; set; }
    public bool Matches { get; set; }
    public long DurationMs { get; set; }

    /// <summary>The full report as JSON (the same document the CLI's --json prints).</summary>
    public string Report { get; set; } = "";
}
