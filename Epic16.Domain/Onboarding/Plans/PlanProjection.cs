namespace Epic16.Domain.Onboarding.Plans;

/// <summary>A plan scheduled forward from <see cref="Today"/>: the projected go-live, its slip against the target, and the critical path (first to last).</summary>
public sealed record PlanProjection(
    DateOnly Today, IReadOnlyList<ProjectedMilestone> Milestones, DateOnly? ProjectedGoLive, DateOnly? GoLiveTarget, IReadOnlyList<long> CriticalPath)
{
    public int? SlipDays => ProjectedGoLive is { } p && GoLiveTarget is { } t ? p.DayNumber - t.DayNumber : null;

    public ProjectedMilestone? Find(long id) => Milestones.FirstOrDefault(m => m.Id == id);
}
