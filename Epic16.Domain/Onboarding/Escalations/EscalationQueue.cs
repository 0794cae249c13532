using Epic16.Domain.Auditing;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Escalations;

/// <summary>
/// The escalation queue (the caller's own first, then by due date) and its two steps, acknowledge and resolve, each with a
/// note and audited. Escalations live in PostgreSQL in every store mode; client names come from the mode's store.
/// </summary>
public sealed class EscalationQueue(IStoreRouter router, IDbContextFactory<PlatformContext> platform, AuditLog audit, TimeProvider clock)
{
    public const int MaxNoteLength = 2000;

    public async Task<IReadOnlyList<EscalationView>> QueueAsync(ICurrentUser user, bool includeResolved = false, long? clientId = null, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var control = await platform.CreateDbContextAsync(ct);
        var rows = await control.Escalations.AsNoTracking()
            .Where(e => (includeResolved || e.Status != EscalationStatus.Resolved) && (clientId == null || e.ClientId == clientId))
            .ToListAsync(ct);
        var ids = rows.Select(r => r.ClientId).Distinct().ToList();
        await using var db = await router.CreateContextAsync(ct);
        var names = await db.OnboardingClients.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CompanyName, ct);
        var today = OnboardingClock.Today(clock);
        return
        [
            .. rows.Select(e => new EscalationView(e.Id, e.ClientId, names.GetValueOrDefault(e.ClientId, $"Client {e.ClientId}"), e.Reason, e.Detail, e.Owner,
                    e.RaisedOn, e.DueOn, e.Status, e.AcknowledgeNote, e.AcknowledgedBy, e.ResolveNote, e.ResolvedBy,
                    string.Equals(e.Owner, user.Name, StringComparison.OrdinalIgnoreCase), e.Status != EscalationStatus.Resolved && e.DueOn < today))
                .OrderByDescending(e => e.Mine)
                .ThenBy(e => e.Status == EscalationStatus.Resolved)
                .ThenBy(e => e.DueOn)
                .ThenBy(e => e.Id),
        ];
    }

    public Task AcknowledgeAsync(ICurrentUser user, long id, string note, CancellationToken ct = default) =>
        StepAsync(user, id, EscalationStatus.Acknowledged, note, ct);

    public Task ResolveAsync(ICurrentUser user, long id, string note, CancellationToken ct = default) =>
        StepAsync(user, id, EscalationStatus.Resolved, note, ct);

    private async Task StepAsync(ICurrentUser user, long id, string to, string note, CancellationToken ct)
    {
        OnboardingAccess.DemandWrite(user);
        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new OnboardingValidationException("Note", "A note is required: say what was done or decided.");
        }

        if (text.Length > MaxNoteLength)
        {
            throw new OnboardingValidationException("Note", $"The note is at most {MaxNoteLength} characters.");
        }

        await using var control = await platform.CreateDbContextAsync(ct);
        var escalation = await control.Escalations.SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new KeyNotFoundException($"There is no escalation with id {id}.");
        if (escalation.Status == EscalationStatus.Resolved)
        {
            throw new OnboardingValidationException("Status", "This escalation is already resolved.");
        }

        if (to == EscalationStatus.Acknowledged && escalation.Status == EscalationStatus.Acknowledged)
        {
            throw new OnboardingValidationException("Status", $"This escalation was already acknowledged by {escalation.AcknowledgedBy}.");
        }

        var now = OnboardingClock.Now(clock);
        if (to == EscalationStatus.Acknowledged)
        {
            (escalation.AcknowledgedAt, escalation.AcknowledgedBy, escalation.AcknowledgeNote) = (now, user.Name, text);
        }
        else
        {
            (escalation.ResolvedAt, escalation.ResolvedBy, escalation.ResolveNote) = (now, user.Name, text);
        }

        var from = escalation.Status;
        escalation.Status = to;
        await control.SaveChangesAsync(ct);
        await audit.RecordAsync(user, $"onboarding.escalation.{(to == EscalationStatus.Resolved ? "resolve" : "acknowledge")}", $"escalation:{id}", text,
            $"client {escalation.ClientId}, {escalation.Reason}: {from} → {to}", ct);
    }
}
