using Epic16.Domain.Onboarding;
using Epic16.Domain.Onboarding.Health;
using Microsoft.Extensions.Configuration;

namespace Epic16.Tests.Onboarding;

/// <summary>The health score against hand-computed figures.</summary>
public sealed class HealthModelTests
{
    [Fact]
    public void Compute_EveryComponent_WeighsThemWithTheDefaults()
    {
        // usage 80; milestones 50; tickets 2 → 80; NPS 20 → 60; engagement 70 with contact 7 days ago (100) → 85.
        // (30·80 + 25·50 + 15·80 + 15·60 + 15·85) / 100 = 7025 / 100 = 70.25 → watch.
        var result = HealthModel.Compute(new HealthSignals(80m, 2, 20, 70m, 50m, 7), HealthWeights.Default);

        Assert.Equal(70.25m, result.Score);
        Assert.Equal(HealthBands.Watch, result.Band);
        Assert.Equal(100m, result.CoveragePercent);
        Assert.Equal([80m, 50m, 80m, 60m, 85m], result.Components.Select(c => c.Score));
        Assert.Equal([24m, 12.5m, 12m, 9m, 12.75m], result.Components.Select(c => c.Points));
        Assert.Equal(result.Score, result.Components.Sum(c => c.Points));
    }

    [Fact]
    public void Compute_MissingComponents_AreLeftOutAndTheRestReweighted()
    {
        // Only usage 90 (weight 30) and NPS 60 → 80 (weight 15): coverage 45 %, (2700 + 1200) / 45 = 86.67 → healthy.
        var result = HealthModel.Compute(new HealthSignals(90m, null, 60, null, null, null), HealthWeights.Default);

        Assert.Equal(86.67m, result.Score);
        Assert.Equal(HealthBands.Healthy, result.Band);
        Assert.Equal(45m, result.CoveragePercent);
        Assert.Equal([66.67m, 0m, 0m, 33.33m, 0m], result.Components.Select(c => c.EffectiveWeight));
        Assert.Equal([90m, null, null, 80m, null], result.Components.Select(c => c.Score));
    }

    [Fact]
    public void Compute_NoData_HasNoScoreAndZeroCoverage()
    {
        var result = HealthModel.Compute(new HealthSignals(null, null, null, null, null, null), HealthWeights.Default);

        Assert.Null(result.Score);
        Assert.Null(result.Band);
        Assert.Equal(0m, result.CoveragePercent);
    }

    [Fact]
    public void Compute_OtherWeights_ChangeTheScore()
    {
        // (40·80 + 20·50 + 10·80 + 20·60 + 10·85) / 100 = (3200 + 1000 + 800 + 1200 + 850) / 100 = 70.5.
        var result = HealthModel.Compute(new HealthSignals(80m, 2, 20, 70m, 50m, 7), new HealthWeights(40, 20, 10, 20, 10));

        Assert.Equal(70.5m, result.Score);
    }

    [Theory]
    [InlineData("100", HealthBands.Healthy)]
    [InlineData("75", HealthBands.Healthy)]
    [InlineData("74.99", HealthBands.Watch)]
    [InlineData("50", HealthBands.Watch)]
    [InlineData("49.99", HealthBands.AtRisk)]
    [InlineData("30", HealthBands.AtRisk)]
    [InlineData("29.99", HealthBands.Critical)]
    [InlineData("0", HealthBands.Critical)]
    public void Band_Boundaries_FollowTheIssue(string score, string band) =>
        Assert.Equal(band, HealthBands.Of(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, "100")]
    [InlineData(7, "100")]
    [InlineData(8, "95.65")]
    [InlineData(19, "47.83")]
    [InlineData(30, "0")]
    [InlineData(90, "0")]
    public void RecencyScore_FallsEvenlyFromSevenToThirtyDays(int days, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), decimal.Round(HealthModel.RecencyScore(days)!.Value, 2));

    [Fact]
    public void MilestonesOnTime_DoneOnTimeLateAndOpen_CountOneHalfAndNothing()
    {
        var day = new DateOnly(2026, 3, 10);
        (DateOnly?, DateOnly?)[] plan =
        [
            (new(2026, 3, 1), new(2026, 2, 28)), // on time: 1
            (new(2026, 3, 5), new(2026, 3, 8)),  // late: ½
            (new(2026, 3, 9), null),             // open and due: 0
            (new(2026, 3, 20), null),            // not due yet: not counted
        ];

        Assert.Equal(50m, HealthModel.MilestonesOnTime(plan, day));
        Assert.Equal(100m, HealthModel.MilestonesOnTime([(new DateOnly(2026, 4, 1), null)], day));
        Assert.Null(HealthModel.MilestonesOnTime([], day));
    }

    [Fact]
    public void Weights_NotSummingTo100_AreRefusedNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Onboarding:HealthWeights:Nps"] = "20" }).Build();

        var error = Assert.Throws<OnboardingValidationException>(() => HealthWeights.From(configuration));

        Assert.Equal("The health weights must sum to 100; they sum to 105.", error.Errors[HealthWeights.Section]);
        Assert.Empty(HealthWeights.Default.Problems());
        Assert.Contains("0 to 100", new HealthWeights(130, -30, 0, 0, 0).Problems()[0].Message);
    }

    [Fact]
    public void Weights_FromConfiguration_DefaultTo30_25_15_15_15()
    {
        var empty = new ConfigurationBuilder().Build();
        var custom = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Onboarding:HealthWeights:ProductUsage"] = "40", ["Onboarding:HealthWeights:Engagement"] = "5",
        }).Build();

        Assert.Equal(new HealthWeights(30, 25, 15, 15, 15), HealthWeights.From(empty));
        Assert.Equal(new HealthWeights(40, 25, 15, 15, 5), HealthWeights.From(custom));
    }
}
