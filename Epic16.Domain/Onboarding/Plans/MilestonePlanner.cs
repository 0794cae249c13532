namespace Epic16.Domain.Onboarding.Plans;

/// <summary>
/// Finish-to-start scheduling of a client's milestones. Unfinished milestones are scheduled forward from today (an overdue
/// one finishes today at the earliest), each keeping its planned gap after its latest dependency; the last finish is the
/// projected go-live and the chain of dependencies that decides it is the critical path. Pure and in memory.
/// </summary>
public static class MilestonePlanner
{
    public static PlanProjection Project(IReadOnlyList<PlanMilestone> milestones, DateOnly today, DateOnly? goLiveTarget)
    {
        var byId = milestones.ToDictionary(m => m.Id);
        var (projected, driver) = Schedule(milestones, byId, today);

        var critical = new List<long>();
        var last = milestones.OrderByDescending(m => projected[m.Id]).ThenByDescending(m => m.SortOrder).ThenByDescending(m => m.Id).FirstOrDefault();
        for (var id = last?.Id; id is { } step; id = driver.TryGetValue(step, out var previous) ? previous : null)
        {
            critical.Insert(0, step);
        }

        var onPath = critical.ToHashSet();
        var result = milestones
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m =>
            {
                var waiting = m.Done ? [] : Dependencies(m, byId).Where(d => !d.Done).Select(d => d.Name).ToList();
                return new ProjectedMilestone(m.Id, m.Name, m.SortOrder, m.Status, m.Due, m.Completed, projected[m.Id],
                    !m.Done && (waiting.Count > 0 || m.Status == "blocked"), !m.Done && m.Due < today, onPath.Contains(m.Id), m.DependsOn, waiting);
            })
            .ToList();
        return new PlanProjection(today, result, last is null ? null : projected[last.Id], goLiveTarget, critical);
    }

    /// <summary>
    /// The projected go-live alone (the latest projected finish; null for an empty plan), for figures over thousands of plans:
    /// the same schedule as <see cref="Project"/> without its rows and critical path.
    /// </summary>
    public static DateOnly? ProjectedGoLive(IReadOnlyList<PlanMilestone> milestones, DateOnly today)
    {
        if (milestones.Count == 0)
        {
            return null;
        }

        var (projected, _) = Schedule(milestones, milestones.ToDictionary(m => m.Id), today);
        return projected.Values.Max();
    }

    // Each milestone's projected finish in dependency order, and for each scheduled by a dependency, that dependency (its driver).
    private static (Dictionary<long, DateOnly> Projected, Dictionary<long, long> Driver) Schedule(
        IReadOnlyList<PlanMilestone> milestones, Dictionary<long, PlanMilestone> byId, DateOnly today)
    {
        var projected = new Dictionary<long, DateOnly>(milestones.Count);
        var driver = new Dictionary<long, long>();
        foreach (var m in TopologicalOrder(milestones, byId))
        {
            if (m.Done)
            {
                projected[m.Id] = m.Completed ?? m.Due ?? today;
                continue;
            }

            var finish = Max(today, m.Due ?? today);
            foreach (var dependency in Dependencies(m, byId).Where(d => projected.ContainsKey(d.Id)))
            {
                var after = projected[dependency.Id].AddDays(GapOf(m, dependency));
                // Ties go to the dependency, so an on-time plan's critical path still follows its chain of dependencies.
                if (after > finish || (after == finish && !driver.ContainsKey(m.Id)))
                {
                    finish = after;
                    driver[m.Id] = dependency.Id;
                }
            }

            projected[m.Id] = finish;
        }

        return (projected, driver);
    }

    /// <summary>The milestones whose dependencies would form a cycle, named in order with the first repeated at the end; null when none.</summary>
    public static IReadOnlyList<long>? FindCycle(IReadOnlyDictionary<long, IReadOnlyList<long>> dependsOn)
    {
        var state = new Dictionary<long, int>(); // 1 on the current path, 2 finished
        var path = new List<long>();
        foreach (var start in dependsOn.Keys.Order())
        {
            var cycle = Visit(start);
            if (cycle is not null)
            {
                return cycle;
            }
        }

        return null;

        List<long>? Visit(long node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                return [.. path.Skip(path.IndexOf(node)), node];
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in dependsOn.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    private static int GapOf(PlanMilestone m, PlanMilestone dependency) =>
        m.Due is { } due && dependency.Due is { } depDue ? Math.Max(0, due.DayNumber - depDue.DayNumber) : 0;

    // Unknown ids (a dependency on another client's or a deleted milestone) and self-references are ignored.
    private static IEnumerable<PlanMilestone> Dependencies(PlanMilestone m, Dictionary<long, PlanMilestone> byId) =>
        m.DependsOn.Distinct().Where(id => id != m.Id && byId.ContainsKey(id)).Select(id => byId[id]);

    // Depth first; an edge back into the current path (a legacy cycle) is skipped so a bad row cannot hang the page.
    private static List<PlanMilestone> TopologicalOrder(IReadOnlyList<PlanMilestone> milestones, Dictionary<long, PlanMilestone> byId)
    {
        var state = new Dictionary<long, int>();
        var order = new List<PlanMilestone>(milestones.Count);
        foreach (var m in milestones.OrderBy(m => m.SortOrder).ThenBy(m => m.Id))
        {
            Visit(m);
        }

        return order;

        void Visit(PlanMilestone m)
        {
            if (state.GetValueOrDefault(m.Id) != 0)
            {
                return;
            }

            state[m.Id] = 1;
            foreach (var dependency in Dependencies(m, byId).Where(d => state.GetValueOrDefault(d.Id) != 1))
            {
                Visit(dependency);
            }

            state[m.Id] = 2;
            order.Add(m);
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
