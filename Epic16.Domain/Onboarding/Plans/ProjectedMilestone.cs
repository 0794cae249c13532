namespace Epic16.Domain.Onboarding.Plans;

/// <summary>
/// A milestone in the projected plan: when it is expected to finish, how many days after its due date (<see cref="SlipDays"/>),
/// whether it waits on an unfinished dependency, and whether it is on the chain that decides the go-live.
/// </summary>
public sealed record ProjectedMilestone(
    long Id, string Name, int SortOrder, string Status, DateOnly? Due, DateOnly? Completed, DateOnly Projected,
    bool Blocked, bool Overdue, bool OnCriticalPath, IReadOnlyList<long> DependsOn, IReadOnlyList<string> WaitingFor)
{
    public bool Done => Status == "done";

    public int? SlipDays => Due is { } d ? Projected.DayNumber - d.DayNumber : null;
}
