namespace Epic16.Domain.Abm.Performance;

/// <summary>The campaign facts the figures need besides its touches.</summary>
public sealed record CampaignWindow(IReadOnlyCollection<long> Targets, DateOnly? StartDate, DateOnly? EndDate, decimal? BudgetUsd)
{
    /// <summary>Inside the window, both ends included; an open end does not limit.</summary>
    public bool Contains(DateTime? at) => at is { } moment
        && (StartDate is not { } start || DateOnly.FromDateTime(moment) >= start)
        && (EndDate is not { } end || DateOnly.FromDateTime(moment) <= end);
}
