namespace Epic16.Domain.Onboarding.Escalations;

/// <summary>
/// A client that needs attention for one reason; at most one open (not resolved) per client and reason. PostgreSQL
/// `onboarding_escalations` in every store mode: the legacy stores have no table for it.
/// </summary>
public class Escalation
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public string Reason { get; set; } = "";
    public string Detail { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly RaisedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public string Status { get; set; } = EscalationStatus.Open;
    public DateTime RaisedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgeNote { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolveNote { get; set; }
}
