using Epic16.Domain.Onboarding.Plans;

namespace Epic16.Tests.Onboarding;

/// <summary>Projection, slip, critical path and cycles against hand-computed plans.</summary>
public sealed class MilestonePlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    // 1 kickoff (done 03-01) ← 2 security (due 03-05, overdue) ← 3 sso (03-12) ← 5 go-live (03-25); 1 ← 4 data (03-20) ← 5.
    private static readonly PlanMilestone[] Plan =
    [
        new(1, "Kickoff", 0, new(2026, 3, 1), new(2026, 3, 1), "done", []),
        new(2, "Security", 10, new(2026, 3, 5), null, "in_progress", [1]),
        new(3, "SSO", 20, new(2026, 3, 12), null, "pending", [2]),
        new(4, "Data", 30, new(2026, 3, 20), null, "pending", [1]),
        new(5, "Go-live", 40, new(2026, 3, 25), null, "pending", [3, 4]),
    ];

    [Fact]
    public void Project_OverdueMilestone_PushesItsChainKeepingThePlannedGaps()
    {
        var projection = MilestonePlanner.Project(Plan, Today, new DateOnly(2026, 3, 25));

        // Security is overdue: today at the earliest (03-10). SSO keeps its 7-day gap: 03-17. Data waits on done kickoff:
        // its own date 03-20. Go-live: SSO + 13 = 03-30 beats data + 5 = 03-25.
        Assert.Equal(
            [new(2026, 3, 1), new(2026, 3, 10), new(2026, 3, 17), new(2026, 3, 20), new DateOnly(2026, 3, 30)],
            projection.Milestones.Select(m => m.Projected));
        Assert.Equal(new DateOnly(2026, 3, 30), projection.ProjectedGoLive);
        Assert.Equal(5, projection.SlipDays);
        Assert.Equal([2L, 3L, 5L], projection.CriticalPath);
        Assert.Equal([false, true, true, false, true], projection.Milestones.Select(m => m.OnCriticalPath));
        Assert.Equal([false, true, false, false, false], projection.Milestones.Select(m => m.Overdue));
        Assert.Equal([0, 5, 5, 0, 5], projection.Milestones.Select(m => m.SlipDays ?? -1));
    }

    [Fact]
    public void Project_WaitingMilestones_AreBlockedNamingWhatTheyWaitFor()
    {
        var projection = MilestonePlanner.Project(Plan, Today, null);

        Assert.Equal([false, false, true, false, true], projection.Milestones.Select(m => m.Blocked));
        Assert.Equal(["Security"], projection.Find(3)!.WaitingFor);
        Assert.Equal(["SSO", "Data"], projection.Find(5)!.WaitingFor);
        Assert.Null(projection.SlipDays);
    }

    [Fact]
    public void Project_OnTimePlan_HasNoSlipAndItsCriticalPathFollowsTheDependencies()
    {
        var onTime = Plan.Select(m => m.Id == 2 ? m with { Due = new DateOnly(2026, 3, 11) } : m).ToList();

        var projection = MilestonePlanner.Project(onTime, Today, new DateOnly(2026, 3, 25));

        Assert.Equal(new DateOnly(2026, 3, 25), projection.ProjectedGoLive);
        Assert.Equal(0, projection.SlipDays);
        Assert.Equal([1L, 2L, 3L, 5L], projection.CriticalPath);
    }

    [Fact]
    public void Project_AllDone_GoesLiveOnTheLastCompletion()
    {
        var done = Plan.Select(m => m with { Status = "done", Completed = m.Due!.Value.AddDays(1) }).ToList();

        var projection = MilestonePlanner.Project(done, Today, new DateOnly(2026, 3, 25));

        Assert.Equal(new DateOnly(2026, 3, 26), projection.ProjectedGoLive);
        Assert.Equal(1, projection.SlipDays);
        Assert.All(projection.Milestones, m => Assert.False(m.Blocked));
    }

    [Fact]
    public void Project_SixtyMilestoneChain_KeepsEachGapFromTodayAndTheWholeChainIsCritical()
    {
        // Its speed (< 5 ms) is measured by bench/run-onboarding-bench.sh, not here.
        var chain = Enumerable.Range(1, 60).Select(i => new PlanMilestone(i, $"M{i}", i, Today.AddDays(i * 3 - 20), null, "pending", i == 1 ? [] : [i - 1L, Math.Max(1, i - 5L)])).ToList();

        var projection = MilestonePlanner.Project(chain, Today, Today.AddDays(200));

        // M1 is overdue and finishes today; each next one keeps its planned 3-day gap after M(i-1): M60 on today + 177.
        Assert.Equal(60, projection.CriticalPath.Count);
        Assert.Equal((Today.AddDays(177), -23), (projection.ProjectedGoLive!.Value, projection.SlipDays!.Value));
        Assert.Equal(Today.AddDays(30), projection.Find(11)!.Projected);
    }

    [Fact]
    public void FindCycle_ClosedLoop_NamesItInOrder()
    {
        var graph = new Dictionary<long, IReadOnlyList<long>> { [1] = [3], [2] = [1], [3] = [2], [4] = [1] };

        Assert.Equal([1L, 3L, 2L, 1L], MilestonePlanner.FindCycle(graph));
        Assert.Null(MilestonePlanner.FindCycle(new Dictionary<long, IReadOnlyList<long>> { [1] = [], [2] = [1], [3] = [1, 2] }));
        Assert.Equal([7L, 7L], MilestonePlanner.FindCycle(new Dictionary<long, IReadOnlyList<long>> { [7] = [7] }));
    }

    [Fact]
    public void Project_LegacyCycleInTheData_StillProjects()
    {
        PlanMilestone[] looped = [new(1, "A", 0, Today, null, "pending", [2]), new(2, "B", 1, Today.AddDays(2), null, "pending", [1])];

        var projection = MilestonePlanner.Project(looped, Today, null);

        Assert.Equal(2, projection.Milestones.Count);
        Assert.NotNull(projection.ProjectedGoLive);
    }

    [Fact]
    public void Project_RepeatedUnknownAndSelfDependencies_AreIgnored()
    {
        // The plan above with the listed order shuffled, 5's dependencies repeated, and ids of no milestone here (another
        // client's, a deleted one) and of the milestone itself: the same projection, path and waiting names.
        PlanMilestone[] messy = [Plan[4] with { DependsOn = [4, 3, 99, 4, 5, 3] }, Plan[2], Plan[0], Plan[3] with { DependsOn = [1, 1, 4] }, Plan[1]];

        var clean = MilestonePlanner.Project(Plan, Today, new DateOnly(2026, 3, 25));
        var projection = MilestonePlanner.Project(messy, Today, new DateOnly(2026, 3, 25));

        Assert.Equal(clean.Milestones.Select(m => (m.Id, m.Projected, m.Blocked, m.OnCriticalPath)), projection.Milestones.Select(m => (m.Id, m.Projected, m.Blocked, m.OnCriticalPath)));
        Assert.Equal([2L, 3L, 5L], projection.CriticalPath);
        Assert.Equal(["Data", "SSO"], projection.Find(5)!.WaitingFor); // in the order the row names them, once each
        Assert.Equal(new DateOnly(2026, 3, 30), MilestonePlanner.ProjectedGoLive(messy, Today));
    }

    [Fact]
    public void ProjectedGoLive_IsTheFullProjectionsGoLive()
    {
        PlanMilestone[] done = [.. Plan.Select(m => m with { Status = "done", Completed = m.Due })];
        PlanMilestone[] looped = [new(1, "A", 0, Today, null, "pending", [2]), new(2, "B", 1, Today.AddDays(2), null, "pending", [1])];

        Assert.Equal(new DateOnly(2026, 3, 30), MilestonePlanner.ProjectedGoLive(Plan, Today));
        foreach (var plan in new[] { Plan, done, looped, Plan[..3] })
        {
            Assert.Equal(MilestonePlanner.Project(plan, Today, null).ProjectedGoLive, MilestonePlanner.ProjectedGoLive(plan, Today));
        }

        Assert.Null(MilestonePlanner.ProjectedGoLive([], Today));
    }
}
