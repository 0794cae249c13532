using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Plans;

/// <summary>
/// A client's milestone plan with finish-to-start dependencies: projected with <see cref="MilestonePlanner"/>, a milestone
/// started or completed only after its dependencies are done, dependencies refused when they would close a cycle, due-date
/// changes previewed before they are saved. Works the same on either store.
/// </summary>
public sealed class MilestonePlans(IStoreRouter router, TimeProvider clock)
{
    public async Task<PlanView> GetAsync(ICurrentUser user, long clientId, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var client = await db.OnboardingClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, ct)
            ?? throw new KeyNotFoundException($"There is no onboarding client with id {clientId}.");
        var milestones = await LoadAsync(db, clientId, ct);
        return new PlanView(ClientView.Of(client), MilestonePlanner.Project(milestones, OnboardingClock.Today(clock), client.GoLiveTarget));
    }

    public Task StartAsync(ICurrentUser user, long milestoneId, CancellationToken ct = default) =>
        MoveAsync(user, milestoneId, "in_progress", ct);

    public Task CompleteAsync(ICurrentUser user, long milestoneId, CancellationToken ct = default) =>
        MoveAsync(user, milestoneId, "done", ct);

    /// <summary>Sets what the milestone waits for (ids of the same client); a set that would close a cycle is refused with the cycle named.</summary>
    public async Task SetDependenciesAsync(ICurrentUser user, long milestoneId, IReadOnlyList<long> dependsOn, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var milestone = await FindAsync(db, milestoneId, ct);
        var plan = await db.Milestones.AsNoTracking().Where(m => m.ClientId == milestone.ClientId).ToListAsync(ct);
        var names = plan.ToDictionary(m => m.Id, m => m.Name);
        var unknown = dependsOn.Where(id => !names.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new OnboardingValidationException(nameof(Milestone.DependsOn), $"Milestone {string.Join(", ", unknown)} is not in this client's plan.");
        }

        if (dependsOn.Contains(milestoneId))
        {
            throw new OnboardingValidationException(nameof(Milestone.DependsOn), $"\"{milestone.Name}\" cannot depend on itself.");
        }

        var graph = plan.ToDictionary(m => m.Id, m => (IReadOnlyList<long>)(m.Id == milestoneId ? [.. dependsOn] : m.DependsOn ?? []));
        if (MilestonePlanner.FindCycle(graph) is { } cycle)
        {
            throw new OnboardingValidationException(nameof(Milestone.DependsOn), $"That would close a cycle: {string.Join(" → ", cycle.Select(id => names[id]))}.");
        }

        milestone.DependsOn = [.. dependsOn.Distinct()];
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What moving the due date would change, without saving it.</summary>
    public async Task<DueDatePreview> PreviewDueDateAsync(ICurrentUser user, long milestoneId, DateOnly newDue, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        return await PreviewAsync(db, milestoneId, newDue, ct);
    }

    /// <summary>Saves the new due date (checked as in the preview) and returns what it moved.</summary>
    public async Task<DueDatePreview> SaveDueDateAsync(ICurrentUser user, long milestoneId, DateOnly newDue, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var preview = await PreviewAsync(db, milestoneId, newDue, ct);
        var milestone = await FindAsync(db, milestoneId, ct);
        milestone.DueDate = newDue;
        await db.SaveChangesAsync(ct);
        return preview;
    }

    private async Task<DueDatePreview> PreviewAsync(Epic16Context db, long milestoneId, DateOnly newDue, CancellationToken ct)
    {
        var milestone = await db.Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId, ct)
            ?? throw new KeyNotFoundException($"There is no milestone with id {milestoneId}.");
        var client = await db.OnboardingClients.AsNoTracking().SingleAsync(c => c.Id == milestone.ClientId, ct);
        if (client.StartDate is { } start && newDue < start)
        {
            throw new OnboardingValidationException(nameof(Milestone.DueDate), $"The due date ({newDue:yyyy-MM-dd}) cannot be before {client.CompanyName}'s start ({start:yyyy-MM-dd}).");
        }

        var today = OnboardingClock.Today(clock);
        var plan = await LoadAsync(db, client.Id, ct);
        var before = MilestonePlanner.Project(plan, today, client.GoLiveTarget);
        var after = MilestonePlanner.Project([.. plan.Select(m => m.Id == milestoneId ? m with { Due = newDue } : m)], today, client.GoLiveTarget);
        var moved = after.Milestones
            .Select(a => (a.Id, a.Name, Before: before.Find(a.Id)!.Projected, After: a.Projected))
            .Where(m => m.Before != m.After)
            .ToList();
        return new DueDatePreview(milestoneId, newDue, moved, before.ProjectedGoLive, after.ProjectedGoLive, before.SlipDays, after.SlipDays);
    }

    private async Task MoveAsync(ICurrentUser user, long milestoneId, string status, CancellationToken ct)
    {
        OnboardingAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var milestone = await FindAsync(db, milestoneId, ct);
        if (milestone.Status == "done")
        {
            throw new OnboardingValidationException(nameof(Milestone.Status), $"\"{milestone.Name}\" is already done.");
        }

        var ids = milestone.DependsOn ?? [];
        var open = (await db.Milestones.AsNoTracking().Where(m => m.ClientId == milestone.ClientId).ToListAsync(ct))
            .Where(m => ids.Contains(m.Id) && m.Status != "done")
            .Select(m => $"\"{m.Name}\"")
            .ToList();
        if (open.Count > 0)
        {
            var verb = status == "done" ? "completed" : "started";
            throw new OnboardingValidationException(nameof(Milestone.Status),
                $"\"{milestone.Name}\" cannot be {verb} before {string.Join(" and ", open)} {(open.Count == 1 ? "is" : "are")} done.");
        }

        milestone.Status = status;
        if (status == "done")
        {
            milestone.CompletedAt = OnboardingClock.Now(clock);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<List<PlanMilestone>> LoadAsync(Epic16Context db, long clientId, CancellationToken ct) =>
        [.. (await db.Milestones.AsNoTracking().Where(m => m.ClientId == clientId).ToListAsync(ct)).Select(PlanMilestone.Of)];

    private static async Task<Milestone> FindAsync(Epic16Context db, long id, CancellationToken ct) =>
        await db.Milestones.SingleOrDefaultAsync(m => m.Id == id, ct)
        ?? throw new KeyNotFoundException($"There is no milestone with id {id}.");
}
