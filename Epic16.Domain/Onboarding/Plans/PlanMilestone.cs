namespace Epic16.Domain.Onboarding.Plans;

/// <summary>A milestone as the planner sees it: its plan dates, whether it is done, and the ids it waits for.</summary>
public sealed record PlanMilestone(long Id, string Name, int SortOrder, DateOnly? Due, DateOnly? Completed, string Status, IReadOnlyList<long> DependsOn)
{
    public bool Done => Status == "done";

    public static PlanMilestone Of(Milestone m) => Of(m.Id, m.Name, m.SortOrder, m.DueDate, m.CompletedAt, m.Status, m.DependsOn);

    /// <summary>The same from a stored milestone's columns: what a query projects rows into without an entity per row.</summary>
    public static PlanMilestone Of(long id, string name, int? sortOrder, DateOnly? due, DateTime? completed, string status, IReadOnlyList<long>? dependsOn) =>
        new(id, name, sortOrder ?? 0, due, completed is { } c ? DateOnly.FromDateTime(c) : null, status, dependsOn ?? []);
}
