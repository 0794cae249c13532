namespace Epic16.Domain.Onboarding.Escalations;

public sealed record EscalationView(
    long Id, long ClientId, string Company, string Reason, string Detail, string Owner, DateOnly RaisedOn, DateOnly DueOn, string Status,
    string? AcknowledgeNote, string? AcknowledgedBy, string? ResolveNote, string? ResolvedBy, bool Mine, bool Overdue)
{
    public string ReasonLabel => EscalationReason.Label(Reason);
}
