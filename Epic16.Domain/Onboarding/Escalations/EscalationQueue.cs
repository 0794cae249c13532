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

    /// <summary>The whole queue (a client page's escalations, the CSV), in queue order.</summary>
    public async Task<IReadOnlyList<EscalationView>> QueueAsync(ICurrentUser user, bool includeResolved = false, long? clientId = null, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var control = await platform.CreateDbContextAsync(ct);
        return await ViewsAsync(user, await InQueueOrder(control, user, includeResolved, clientId).ToListAsync(ct), ct);
    }

    /// <summary>
    /// One page of the queue, ordered and cut in SQL, with the counts the page shows: 10k clients raise tens of thousands of
    /// escalations, of which a page shows 25–100 (names are read for those only).
    /// </summary>
    public async Task<EscalationPage> PageAsync(ICurrentUser user, bool includeResolved, int skip, int take, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var control = await platform.CreateDbContextAsync(ct);
        var me = user.Name.ToLowerInvariant();
        var groups = await control.Escalations.AsNoTracking()
            .GroupBy(e => new { Mine = e.Owner.ToLower() == me, Resolved = e.Status == EscalationStatus.Resolved })
            .Select(g => new { g.Key.Mine, g.Key.Resolved, Count = g.Count() })
            .ToListAsync(ct);
        var rows = await InQueueOrder(control, user, includeResolved, clientId: null).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return new EscalationPage(
            await ViewsAsync(user, rows, ct),
            Total: groups.Where(g => includeResolved || !g.Resolved).Sum(g => g.Count),
            Open: groups.Where(g => !g.Resolved).Sum(g => g.Count),
            MineOpen: groups.Where(g => g.Mine && !g.Resolved).Sum(g => g.Count));
    }

    // The caller's own first, open before resolved, then by due date.
    private static IQueryable<Escalation> InQueueOrder(PlatformContext control, ICurrentUser user, bool includeResolved, long? clientId)
    {
        var me = user.Name.ToLowerInvariant();
        return control.Escalations.AsNoTracking()
            .Where(e => (includeResolved || e.Status != EscalationStatus.Resolved) && (clientId == null || e.ClientId == clientId))
            .OrderByDescending(e => e.Owner.ToLower() == me)
            .ThenBy(e => e.Status == EscalationStatus.Resolved)
            .ThenBy(e => e.DueOn)
            .ThenBy(e => e.Id);
    }

    private async Task<IReadOnlyList<EscalationView>> ViewsAsync(ICurrentUser user, List<Escalation> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ClientId).Distinct().ToList();
        await using var db = await router.CreateContextAsync(ct);
        var names = await db.OnboardingClients.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CompanyName, ct);
        var today = OnboardingClock.Today(clock);
        return
        [
            .. rows.Select(e => new EscalationView(e.Id, e.ClientId, names.GetValueOrDefault(e.ClientId, $"Client {e.ClientId}"), e.Reason, e.Detail, e.Owner,
                e.RaisedOn, e.DueOn, e.Status, e.AcknowledgeNote, e.AcknowledgedBy, e.ResolveNote, e.ResolvedBy,
                string.Equals(e.Owner, user.Name, StringComparison.OrdinalIgnoreCase), e.Status != EscalationStatus.Resolved && e.DueOn < today)),
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
