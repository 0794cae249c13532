namespace Epic16.Domain.Abm.Performance;

/// <summary>The sums of a campaign's legacy daily metrics; <see cref="Days"/> 0 when none were recorded.</summary>
public sealed record DailyTotals(int Days, long Impressions, long Clicks, long Engagements, int MeetingsBooked, decimal PipelineInfluencedUsd, decimal CostUsd)
{
    public static readonly DailyTotals None = new(0, 0, 0, 0, 0, 0m, 0m);
}
