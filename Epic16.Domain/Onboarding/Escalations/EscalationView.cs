namespace Epic16.Domain.Onboarding.Escalations;

public sealed record EscalationView(
    long Id, long ClientId, string Company, string Reason, string Detail, string Owner, DateOnly RaisedOn, DateOnly DueOn, string Status,
    string? AcknowledgeNote, string? AcknowledgedBy, string? ResolveNote, string? ResolvedBy, bool Mine, bool Overdue)
{
    public string ReasonLabel => EscalationReason.Label(Reason);
}

/// <summary>One page of the queue: its rows, how many the filter matches, and the open ones in all and the caller's.</summary>
public sealed record EscalationPage(IReadOnlyList<EscalationView> Items, int Total, int Open, int MineOpen);
