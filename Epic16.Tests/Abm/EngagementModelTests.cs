using Epic16.Domain.Abm.Engagement;
using Epic16.Domain.Abm;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition;

namespace Epic16.Tests.Abm;

/// <summary>Engagement score (weights by kind, 30-day half-life) and the buying stage rules, against hand-worked figures.</summary>
public sealed class EngagementModelTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Score_MixedTouches_WeighsByKindAndHalvesEveryThirtyDays()
    {
        TouchFact[] touches =
        [
            Touch(1, "meeting", daysAgo: 30),   // 50 × 0.5 = 25
            Touch(2, "replied", daysAgo: 0),    // 20 × 1 = 20
            Touch(3, "opened", daysAgo: 60),    // 3 × 0.25 = 0.75
            Touch(4, "cancelled", daysAgo: 1),  // 0
            Touch(5, "scheduled", daysAgo: -5), // 0
        ];

        Assert.Equal(45.75m, EngagementModel.Score(touches, Now));
    }

    [Fact]
    public void Score_ManyRecentMeetings_IsCappedAtOneHundred()
    {
        Assert.Equal(100m, EngagementModel.Score([Touch(1, "meeting", 0), Touch(2, "meeting", 0), Touch(3, "meeting", 1)], Now));
    }

    [Theory]
    [InlineData(ProspectStatus.Converted, "replied", 0, "customer", "converted")]
    [InlineData(ProspectStatus.Proposal, "sent", 0, "opportunity", "pipeline stage is proposal")]
    [InlineData(ProspectStatus.Engaged, "meeting", 90, "MQA", "took 1 meeting")]
    [InlineData(ProspectStatus.Engaged, "clicked", 0, "engaged", "clicked or replied 1 time")]
    [InlineData(ProspectStatus.Researching, "opened", 0, "aware", "1 touch(es) reached it")]
    [InlineData(ProspectStatus.Identified, "failed", 0, "target", "No touch has reached it")]
    public void Decide_OneTouch_GivesTheStageAndSaysWhy(string pipeline, string status, int daysAgo, string stage, string why)
    {
        TouchFact[] touches = [Touch(1, status, daysAgo)];

        var (decided, reasons) = BuyingStageRules.Decide(pipeline, EngagementModel.Score(touches, Now), touches);

        Assert.Equal(stage, decided);
        Assert.Contains(why, reasons[0]);
    }

    [Fact]
    public void Decide_ScoreAtThreshold_IsMqaWithoutAMeeting()
    {
        // Two replies today: 40 points, exactly the MQA threshold.
        TouchFact[] touches = [Touch(1, "replied", 0), Touch(2, "replied", 0)];

        var (stage, why) = BuyingStageRules.Decide(ProspectStatus.Engaged, EngagementModel.Score(touches, Now), touches);

        Assert.Equal((40m, BuyingStage.Mqa), (EngagementModel.Score(touches, Now), stage));
        Assert.Contains("at least 40", why[0]);
    }

    private static TouchFact Touch(long id, string status, int daysAgo) =>
        new(id, 1, 7, null, "email", Now.AddDays(-daysAgo), status == "scheduled" ? null : Now.AddDays(-daysAgo), status, null);
}
