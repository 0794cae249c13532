namespace Epic16.Domain.Onboarding.Plans;

/// <summary>What a due-date change would move: each milestone whose projected finish changes (before, after), and the go-live before and after.</summary>
public sealed record DueDatePreview(
    long MilestoneId, DateOnly NewDue, IReadOnlyList<(long Id, string Name, DateOnly Before, DateOnly After)> Moved,
    DateOnly? GoLiveBefore, DateOnly? GoLiveAfter, int? SlipBefore, int? SlipAfter);
