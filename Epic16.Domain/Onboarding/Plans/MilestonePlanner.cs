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
        var plan = Schedule(milestones, today);

        var critical = new List<long>();
        var last = Enumerable.Range(0, milestones.Count)
            .OrderByDescending(i => plan.Finish[i]).ThenByDescending(i => milestones[i].SortOrder).ThenByDescending(i => milestones[i].Id)
            .Select(i => (int?)i).FirstOrDefault();
        for (var step = last; step is { } i; step = plan.Driver[i] >= 0 ? plan.Driver[i] : null)
        {
            critical.Insert(0, milestones[i].Id);
        }

        var onPath = critical.ToHashSet();
        var result = Enumerable.Range(0, milestones.Count)
            .OrderBy(i => milestones[i].SortOrder).ThenBy(i => milestones[i].Id)
            .Select(i =>
            {
                var m = milestones[i];
                var waiting = m.Done ? [] : plan.Dependencies[i].Where(d => !milestones[d].Done).Select(d => milestones[d].Name).ToList();
                return new ProjectedMilestone(m.Id, m.Name, m.SortOrder, m.Status, m.Due, m.Completed, plan.Finish[i],
                    !m.Done && (waiting.Count > 0 || m.Status == "blocked"), !m.Done && m.Due < today, onPath.Contains(m.Id), m.DependsOn, waiting);
            })
            .ToList();
        return new PlanProjection(today, result, last is { } l ? plan.Finish[l] : null, goLiveTarget, critical);
    }

    /// <summary>
    /// The projected go-live alone (the latest projected finish; null for an empty plan), for figures over thousands of plans:
    /// the same schedule as <see cref="Project"/> without its rows and critical path.
    /// </summary>
    public static DateOnly? ProjectedGoLive(IReadOnlyList<PlanMilestone> milestones, DateOnly today) =>
        milestones.Count == 0 ? null : Schedule(milestones, today).Finish.Max();

    // Each milestone's projected finish (by its position in the list) in dependency order, for each scheduled by a
    // dependency that dependency's position (its driver; -1 for none), and the dependencies it was scheduled from. On
    // positions and arrays, since the executive figures schedule every open plan of the book on each load.
    private static (DateOnly[] Finish, int[] Driver, int[][] Dependencies) Schedule(IReadOnlyList<PlanMilestone> milestones, DateOnly today)
    {
        var dependencies = DependencyPositions(milestones);
        var finish = new DateOnly[milestones.Count];
        var scheduled = new bool[milestones.Count];
        var driver = new int[milestones.Count];
        Array.Fill(driver, -1);
        foreach (var i in TopologicalOrder(milestones, dependencies))
        {
            var m = milestones[i];
            scheduled[i] = true;
            if (m.Done)
            {
                finish[i] = m.Completed ?? m.Due ?? today;
                continue;
            }

            var end = Max(today, m.Due ?? today);
            foreach (var d in dependencies[i])
            {
                if (!scheduled[d])
                {
                    continue;
                }

                var after = finish[d].AddDays(GapOf(m, milestones[d]));
                // Ties go to the dependency, so an on-time plan's critical path still follows its chain of dependencies.
                if (after > end || (after == end && driver[i] < 0))
                {
                    end = after;
                    driver[i] = d;
                }
            }

            finish[i] = end;
        }

        return (finish, driver, dependencies);
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

    // Each milestone's dependencies as positions in the list, distinct and in the order named. Unknown ids (a dependency on
    // another client's or a deleted milestone) and self-references are ignored.
    private static int[][] DependencyPositions(IReadOnlyList<PlanMilestone> milestones)
    {
        var position = new Dictionary<long, int>(milestones.Count);
        for (var i = 0; i < milestones.Count; i++)
        {
            position.TryAdd(milestones[i].Id, i);
        }

        var result = new int[milestones.Count][];
        var found = new List<int>();
        for (var i = 0; i < milestones.Count; i++)
        {
            found.Clear();
            foreach (var id in milestones[i].DependsOn)
            {
                if (id != milestones[i].Id && position.TryGetValue(id, out var d) && !found.Contains(d))
                {
                    found.Add(d);
                }
            }

            result[i] = found.Count == 0 ? [] : [.. found];
        }

        return result;
    }

    // Depth first from each milestone in plan order (sort order, then id); an edge back into the current path (a legacy
    // cycle) is skipped so a bad row cannot hang the page.
    private static List<int> TopologicalOrder(IReadOnlyList<PlanMilestone> milestones, int[][] dependencies)
    {
        var state = new byte[milestones.Count]; // 1 on the current path, 2 finished
        var order = new List<int>(milestones.Count);
        var inPlanOrder = new int[milestones.Count];
        for (var i = 0; i < inPlanOrder.Length; i++)
        {
            inPlanOrder[i] = i;
        }

        Array.Sort(inPlanOrder, (a, b) => milestones[a].SortOrder != milestones[b].SortOrder
            ? milestones[a].SortOrder.CompareTo(milestones[b].SortOrder)
            : milestones[a].Id.CompareTo(milestones[b].Id));
        foreach (var i in inPlanOrder)
        {
            Visit(i);
        }

        return order;

        void Visit(int i)
        {
            if (state[i] != 0)
            {
                return;
            }

            state[i] = 1;
            foreach (var d in dependencies[i])
            {
                if (state[d] != 1)
                {
                    Visit(d);
                }
            }

            state[i] = 2;
            order.Add(i);
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
