using Epic16.Domain.Abm;
using Epic16.Domain.Abm.Performance;

namespace Epic16.Tests.Abm;

/// <summary>Campaign figures on a small campaign worked out by hand.</summary>
public sealed class CampaignFigureMathTests
{
    private static readonly CampaignWindow January = new([1, 2, 3], new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 12_000m);

    private static readonly Dictionary<long, ProspectValue> Values = new()
    {
        [1] = new(1, "A", "engaged", 100_000m, null),
        [2] = new(2, "B", "qualified", 50_000m, null),
        [3] = new(3, "C", "engaged", 30_000m, null),
        [4] = new(4, "D", "engaged", 999_000m, null),
    };

    private static readonly TouchFact[] Touches =
    [
        Touch(1, 1, "clicked", 10),
        Touch(2, 1, "meeting", 20),
        Touch(3, 2, "replied", 15),
        Touch(4, 3, "opened", 12),
        Touch(5, 3, "replied", 41),   // 10 February: after the window
        Touch(6, 4, "meeting", 18),   // not a target account
        Touch(7, 1, "scheduled", 60),
    ];

    [Fact]
    public void Compute_NoDailyMetrics_UsesTheBudgetAndTheWindow()
    {
        var figures = CampaignFigureMath.Compute(January, Touches, Values, DailyTotals.None);

        // Delivered 6 (all but the scheduled one), engaged 5 (clicked, meeting, replied, replied, meeting): 83.33 %.
        Assert.Equal((7, 6, 5, 83.33m), (figures.Touches, figures.DeliveredTouches, figures.EngagedTouches, figures.EngagementRatePercent));
        Assert.Equal((4, 2), (figures.EngagedAccounts, figures.Meetings));
        // A and B engaged inside January; C only in February, D is not a target.
        Assert.Equal((150_000m, 2, 1), (figures.InfluencedPipelineUsd, figures.InfluencedAccounts, figures.Opportunities));
        Assert.Equal((12_000m, true), (figures.CostUsd, figures.CostIsBudget));
        Assert.Equal((3_000m, 6_000m, 12_000m), (figures.CostPerEngagedAccountUsd, figures.CostPerMeetingUsd, figures.CostPerOpportunityUsd));
        Assert.Equal(1_150m, figures.RoiPercent); // (150,000 − 12,000) / 12,000
        Assert.Null(figures.ClickThroughRatePercent);
    }

    [Fact]
    public void Compute_DailyMetrics_TheirSpendIsTheCostAndTheirClicksTheRate()
    {
        var daily = new DailyTotals(3, Impressions: 40_000, Clicks: 500, Engagements: 90, MeetingsBooked: 1, PipelineInfluencedUsd: 5_000.005m, CostUsd: 9_000.004m);

        var figures = CampaignFigureMath.Compute(January, Touches, Values, daily);

        Assert.Equal((9_000m, false, 4_500m), (figures.CostUsd, figures.CostIsBudget, figures.CostPerMeetingUsd));
        Assert.Equal((1.25m, 5_000.01m), (figures.ClickThroughRatePercent, figures.DailyPipelineInfluencedUsd));
    }

    [Fact]
    public void Compute_NoMeetingsNoCost_LeavesTheRatiosEmpty()
    {
        var figures = CampaignFigureMath.Compute(January with { BudgetUsd = null }, [Touch(1, 1, "sent", 3)], Values, DailyTotals.None);

        Assert.Equal((0m, (decimal?)null, (decimal?)null, (decimal?)0m), (figures.CostUsd, figures.CostPerMeetingUsd, figures.RoiPercent, figures.EngagementRatePercent));
    }

    private static TouchFact Touch(long id, long prospect, string status, int january) =>
        new(id, 9, prospect, null, "email", new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(january - 1), null, status, null);
}
