namespace Epic16.Domain.Onboarding.Plans;

/// <summary>A milestone as the planner sees it: its plan dates, whether it is done, and the ids it waits for.</summary>
public sealed record PlanMilestone(long Id, string Name, int SortOrder, DateOnly? Due, DateOnly? Completed, string Status, IReadOnlyList<long> DependsOn)
{
    public bool Done => Status == "done";

    public static PlanMilestone Of(Milestone m) => new(
        m.Id, m.Name, m.SortOrder ?? 0, m.DueDate, m.CompletedAt is { } c ? DateOnly.FromDateTime(c) : null, m.Status, m.DependsOn ?? []);
}
