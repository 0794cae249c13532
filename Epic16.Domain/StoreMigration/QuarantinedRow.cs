namespace Epic16.Domain.StoreMigration;

/// <summary>A legacy row that could not be converted: kept with its raw value and the reason, never dropped.</summary>
public class QuarantinedRow
{
    public long Id { get; set; }
    public string LegacyTable { get; set; } = "";
    public long LegacyId { get; set; }
    public string ColumnName { get; set; } = "";
    public string? RawValue { get; set; }
    public string Reason { get; set; } = "";
    public DateTime FirstSeenAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
