using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Onboarding.Health;

namespace Epic16.Tests.Onboarding;

/// <summary>Each escalation rule on its own, at and beside its threshold.</summary>
public sealed class EscalationRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    // Every component at the same score, so the score is that figure.
    private static HealthResult Healthy(decimal score = 80m) => new(score, HealthBands.Of(score), 100m,
        [.. HealthComponents.All.Select(c => new HealthComponentScore(c, score, HealthWeights.Default.Of(c), HealthWeights.Default.Of(c)))]);

    private static EscalationFacts Facts(HealthResult health, decimal? before = null, string? previousBand = HealthBands.Healthy, int? silence = 2,
        params (string, DateOnly)[] unfinished) =>
        new(Day, health, before, previousBand, previousBand is not null, unfinished, silence, Day.AddDays(-100));

    private static string[] Reasons(EscalationFacts facts) => [.. EscalationRules.Evaluate(facts).Select(r => r.Reason)];

    [Fact]
    public void HealthyClient_RaisesNothing() => Assert.Empty(Reasons(Facts(Healthy())));

    [Fact]
    public void ScoreDrop_TenPointsIn30Days_RaisesOnlyAtTen()
    {
        Assert.Equal([EscalationReason.ScoreDrop], Reasons(Facts(Healthy(80m), before: 90m)));
        Assert.Empty(Reasons(Facts(Healthy(80m), before: 89.99m)));
        Assert.Contains("from 90 to 80", EscalationRules.Evaluate(Facts(Healthy(80m), before: 90m))[0].Detail);
    }

    [Fact]
    public void AtRiskBand_RaisedWhenEntered_NotWhileStaying()
    {
        var atRisk = HealthModel.Compute(new HealthSignals(40m, 6, -20, 40m, 40m, null), HealthWeights.Default); // all components 40 → 40
        Assert.Equal(40m, atRisk.Score);

        Assert.Equal([EscalationReason.AtRiskBand], Reasons(Facts(atRisk, previousBand: HealthBands.Watch)));
        Assert.Equal([EscalationReason.AtRiskBand], Reasons(Facts(atRisk, previousBand: null)));
        Assert.Empty(Reasons(Facts(atRisk, previousBand: HealthBands.AtRisk)));
        Assert.Empty(Reasons(Facts(Healthy(74.99m), previousBand: HealthBands.Healthy)));
    }

    [Fact]
    public void RedZone_EachComponentBelow30_RaisesOnePerComponent()
    {
        // usage 29 and NPS −50 (→ 25) are red; tickets 7 (→ 30) is not.
        var health = HealthModel.Compute(new HealthSignals(29m, 7, -50, 90m, 90m, 1), HealthWeights.Default);

        var reasons = Reasons(Facts(health, previousBand: health.Band));

        Assert.Equal([EscalationReason.RedZone(HealthComponents.ProductUsage), EscalationReason.RedZone(HealthComponents.Nps)], reasons.Where(r => r.StartsWith("red_zone", StringComparison.Ordinal)));
    }

    [Fact]
    public void MilestoneOverdue_MoreThanSevenDays_Raises()
    {
        Assert.Empty(Reasons(Facts(Healthy(), unfinished: ("SSO", Day.AddDays(-7)))));
        var raised = EscalationRules.Evaluate(Facts(Healthy(), unfinished: [("SSO", Day.AddDays(-7)), ("Data", Day.AddDays(-9))]));

        Assert.Equal([EscalationReason.MilestoneOverdue], raised.Select(r => r.Reason));
        Assert.Equal("\"Data\" is 9 days overdue.", raised[0].Detail);
    }

    [Fact]
    public void NoTwoWayContact_MoreThan21Days_OrNeverSinceTheStart_Raises()
    {
        Assert.Empty(Reasons(Facts(Healthy(), silence: 21)));
        Assert.Equal([EscalationReason.NoTwoWayContact], Reasons(Facts(Healthy(), silence: 22)));
        Assert.Equal([EscalationReason.NoTwoWayContact], Reasons(Facts(Healthy(), silence: null)));
        var newClient = Facts(Healthy(), silence: null) with { ClientStart = Day.AddDays(-5) };
        Assert.Empty(Reasons(newClient));
    }
}
