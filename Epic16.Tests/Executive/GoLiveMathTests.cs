using Epic16.Domain.Executive;
using Epic16.Domain.Onboarding.Plans;

namespace Epic16.Tests.Executive;

/// <summary>When a live client went live: its "Go-live" milestone's completion (spelt any way), else its last completion.</summary>
public sealed class GoLiveMathTests
{
    [Theory]
    [InlineData("Go-live")]
    [InlineData("Go live")]
    [InlineData("GOLIVE")]
    [InlineData(" go-live! ")]
    public void WentLiveOn_GoLiveMilestoneInAnySpelling_IsTheDay(string name)
    {
        var plan = new[] { Done(1, "Kickoff", 1), Done(2, name, 10), Done(3, "Hypercare", 20) };

        Assert.Equal(Day(10), GoLiveMath.WentLiveOn(plan));
    }

    [Theory]
    [InlineData("Pre go-live check")]
    [InlineData("Go-lives")]
    [InlineData("Go")]
    public void WentLiveOn_NoGoLiveMilestone_IsTheLastCompletion(string name)
    {
        var plan = new[] { Done(1, name, 10), Done(2, "Hypercare", 20), Done(3, "Training", 5) };

        Assert.Equal(Day(20), GoLiveMath.WentLiveOn(plan));
    }

    [Fact]
    public void WentLiveOn_UnfinishedOrUndatedGoLive_IsNotTheDay()
    {
        var plan = new PlanMilestone[]
        {
            Done(1, "Kickoff", 3),
            new(2, "Go-live", 2, Day(30), null, "pending", []),
            new(3, "Go live", 3, Day(31), null, "done", []),
        };

        Assert.Equal(Day(3), GoLiveMath.WentLiveOn(plan));
        Assert.Null(GoLiveMath.WentLiveOn([new PlanMilestone(4, "Go-live", 1, Day(30), null, "pending", [])]));
    }

    private static PlanMilestone Done(long id, string name, int day) => new(id, name, (int)id, Day(day), Day(day), "done", []);

    private static DateOnly Day(int day) => new DateOnly(2026, 1, 1).AddDays(day);
}
