namespace Epic16.Domain.Auditing;

/// <summary>One admin action that changed data: who, when, what, and the figures at the time.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? Reason { get; set; }
    public string? Details { get; set; }
}
