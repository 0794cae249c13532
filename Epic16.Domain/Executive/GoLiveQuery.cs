using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Plans;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Executive;

/// <summary>
/// The go-live figures' reads (<see cref="GoLiveMath"/>): only the clients either figure can use (live ones for the time to
/// go-live; open ones with a target for the slip; never churned ones), and only the milestones each needs: the whole plan
/// of an open client (the planner projects it), the completed milestones of a live client (when it went live). Statuses are
/// compared as the converters read them (<see cref="LegacyEnum.Word"/>); the start-date range is applied after the
/// converters parsed the dates, since SQLite cannot compare the legacy date forms in SQL.
/// </summary>
internal static class GoLiveQuery
{
    public static async Task<List<ClientFact>> LoadAsync(IStoreRouter router, ExecutiveFilter filter, CancellationToken ct)
    {
        var clients = (await router.ReadAsync(db => Candidates(db).Select(c => new { c.Id, c.CompanyName, c.Status, c.StartDate, c.GoLiveTarget }).ToListAsync(ct), ct))
            .Where(c => (filter.From is not { } from || c.StartDate >= from) && (filter.To is not { } to || c.StartDate <= to))
            .ToList();
        var live = clients.Where(c => GoLiveMath.IsLive(c.Status) && c.StartDate is not null).Select(c => c.Id).ToHashSet();
        var open = clients.Where(c => GoLiveMath.IsOpen(c.Status) && c.GoLiveTarget is not null).Select(c => c.Id).ToHashSet();

        // Without a range, the clients as subqueries (a hash join in SQL), not ten thousand ids as parameters; with one, the ids of
        // the clients in range (dates are compared after parsing, so the range cannot be SQL on the legacy store): a quarter's
        // figures read a quarter's plans. The live clients' milestones and the open plans are read at once, on two contexts.
        var ranged = filter.From is not null || filter.To is not null;
        List<long> liveList = [.. live], openList = [.. open];
        var liveRead = live.Count == 0 ? Task.FromResult(new List<ClientMilestone>()) : router.ReadAsync(db =>
            (ranged ? db.Milestones.Where(m => liveList.Contains(m.ClientId)) : db.Milestones.Where(m => LiveIds(db).Contains(m.ClientId)))
                .AsNoTracking().Where(m => LegacyEnum.Word(m.Status) == "done" && m.CompletedAt != null)
                .Select(m => new ClientMilestone(m.ClientId, PlanMilestone.Of(m.Id, m.Name, m.SortOrder, m.DueDate, m.CompletedAt, m.Status, null)))
                .ToListAsync(ct), ct);
        var openRead = open.Count == 0 ? Task.FromResult(new List<ClientMilestone>()) : router.ReadAsync(db =>
            (ranged ? db.Milestones.Where(m => openList.Contains(m.ClientId)) : db.Milestones.Where(m => OpenIds(db).Contains(m.ClientId)))
                .AsNoTracking()
                .Select(m => new ClientMilestone(m.ClientId, PlanMilestone.Of(m.Id, m.Name, m.SortOrder, m.DueDate, m.CompletedAt, m.Status, m.DependsOn)))
                .ToListAsync(ct), ct);

        // Each row straight into its client's plan: no entity per milestone, no LINQ grouping (57,000 rows at 10k clients).
        var byClient = new Dictionary<long, List<PlanMilestone>>(live.Count + open.Count);
        foreach (var row in (await liveRead).Concat(await openRead))
        {
            if (!byClient.TryGetValue(row.ClientId, out var plan))
            {
                byClient[row.ClientId] = plan = [];
            }

            plan.Add(row.Milestone);
        }

        return [.. clients.Where(c => live.Contains(c.Id) || open.Contains(c.Id))
            .Select(c => new ClientFact(c.Id, c.CompanyName, c.Status, c.StartDate, c.GoLiveTarget, byClient.GetValueOrDefault(c.Id) ?? []))];
    }

    private sealed record ClientMilestone(long ClientId, PlanMilestone Milestone);

    private static IQueryable<OnboardingClient> Candidates(Epic16Context db) => db.OnboardingClients.AsNoTracking()
        .Where(c => LegacyEnum.Word(c.Status) == "live" || (LegacyEnum.Word(c.Status) != "churned" && c.GoLiveTarget != null));

    private static IQueryable<long> LiveIds(Epic16Context db) => Candidates(db).Where(c => LegacyEnum.Word(c.Status) == "live").Select(c => c.Id);

    private static IQueryable<long> OpenIds(Epic16Context db) => Candidates(db).Where(c => LegacyEnum.Word(c.Status) != "live").Select(c => c.Id);
}
