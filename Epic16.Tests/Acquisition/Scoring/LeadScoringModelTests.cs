using Epic16.Domain.Acquisition;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Tests.Acquisition.Scoring;

public sealed class LeadScoringModelTests
{
    private static readonly DateTime AsOf = new(2025, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    private static ScoringInputs Inputs(
        int? rank = null, decimal? revenue = null, string? industry = null, long? employees = null,
        IReadOnlyList<string>? tech = null, IReadOnlyList<PainPoint>? pains = null,
        IReadOnlyList<EngagementEvent>? steps = null, IReadOnlyList<EngagementEvent>? touchpoints = null) =>
        new(rank, revenue, industry, employees, tech, pains, steps ?? [], touchpoints ?? [], AsOf);

    private static EngagementEvent Event(string status, double daysAgo) => new(status, AsOf.AddDays(-daysAgo));

    [Fact]
    public void Score_InsurerWithTwoPainsAndNoEngagement_MatchesHandComputation()
    {
        // Rank 42: 15 × 459/500 = 13.77; $1.23 B: 1; Insurance (target): 8; 55,000 staff: 6 → fit 28.77.
        // Pains: plain text (unrated = 2) + severity 4 = 6 units × 2 = 12; no integrated tech → intent 12. Score 40.77.
        var result = LeadScoringModel.Score(Inputs(42, 1_234_567_890.13m, "Insurance", 55_000, [],
            [PainPoint.Plain("Manual reconciliation"), new PainPoint { Area = "Security", Severity = 4 }]));

        Assert.Equal(13.77m, result.Factors["fortune_rank"]);
        Assert.Equal(1m, result.Factors["annual_revenue"]);
        Assert.Equal(8m, result.Factors["industry_fit"]);
        Assert.Equal(6m, result.Factors["company_size"]);
        Assert.Equal(12m, result.Factors["pain_severity"]);
        Assert.Equal(0m, result.Factors["tech_overlap"]);
        Assert.Equal(28.77m, result.Fit);
        Assert.Equal(12m, result.Intent);
        Assert.Equal(0m, result.Engagement);
        Assert.Equal(40.77m, result.Score);
        Assert.Equal("lead-v1", result.ModelVersion);
    }

    [Fact]
    public void Score_TopRetailerFullyEngaged_MatchesHandComputation()
    {
        // Fit: rank 1 → 15, $611 B → 10, Retail → 8, 2.1 M staff → 7 = 40.
        // Intent: severities 5+5+3 = 13 units, capped at 10 → 20; AWS, Azure, Snowflake, SAP = 4 tools, capped at 3 → 15 = 35.
        // Replies: today 6 + 30 days ago 3 = 9. ABM: meeting 60 d 6 × 0.25 = 1.5, click today 2, open 15 d 0.5^0.5 = 0.7071 → 4.21.
        var result = LeadScoringModel.Score(Inputs(1, 611_000_000_000m, "Retail", 2_100_000,
            ["AWS", "Microsoft Azure", "snowflake", "Tableau", "SAP S/4HANA"],
            [new PainPoint { Severity = 5 }, new PainPoint { Severity = 5 }, new PainPoint { Severity = 3 }],
            [Event("replied", 0), Event("replied", 30), Event("sent", 1)],
            [Event("meeting", 60), Event("clicked", 0), Event("opened", 15), Event("cancelled", 0)]));

        Assert.Equal(40m, result.Fit);
        Assert.Equal(20m, result.Factors["pain_severity"]);
        Assert.Equal(15m, result.Factors["tech_overlap"]);
        Assert.Equal(9m, result.Factors["sequence_replies"]);
        Assert.Equal(4.21m, result.Factors["abm_engagement"]);
        Assert.Equal(13.21m, result.Engagement);
        Assert.Equal(88.21m, result.Score);
    }

    [Fact]
    public void Score_MidMarketEnergyCompany_MatchesHandComputationAndIgnoresFutureEvents()
    {
        // Fit: rank 250 → 15 × 251/500 = 7.53, $12 B → 4, Energy (adjacent) → 4, 8,000 staff → 2 = 17.53.
        // Intent: one unrated pain (2 units) → 4; Oracle (Kafka is not integrated) → 5 = 9.
        // Engagement: reply 10 days ago 6 × 0.5^(1/3) = 4.7622 → 4.76; touchpoint reply 45 days ago 4 × 0.5^1.5 = 1.4142 → 1.41;
        // a meeting dated after asOf has not happened yet → 0. Total 17.53 + 9 + 6.17 = 32.70.
        var result = LeadScoringModel.Score(Inputs(250, 12_000_000_000m, "Energy", 8_000, ["Oracle", "Kafka"],
            [new PainPoint { Area = "cloud cost" }],
            [Event("replied", 10), Event("sent", 2)],
            [Event("replied", 45), Event("failed", 0), Event("meeting", -3)]));

        Assert.Equal(7.53m, result.Factors["fortune_rank"]);
        Assert.Equal(4m, result.Factors["industry_fit"]);
        Assert.Equal(5m, result.Factors["tech_overlap"]);
        Assert.Equal(4.76m, result.Factors["sequence_replies"]);
        Assert.Equal(1.41m, result.Factors["abm_engagement"]);
        Assert.Equal(32.70m, result.Score);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Score_AnyProspect_FactorsSumExactlyToScoreAndPartsToTheirFactors(int which)
    {
        var inputs = which switch
        {
            1 => Inputs(7, 3_333_333_333.33m, "Banking", 33_333, ["Workday"], [new PainPoint { Severity = 3 }], [Event("replied", 7.3)], [Event("opened", 1.1), Event("clicked", 13.7)]),
            2 => Inputs(499, 5_000_000_000m, "Utilities", 1_000, null, null, [Event("replied", 91.9)], [Event("meeting", 29.99)]),
            _ => Inputs(123, null, "Chemicals", null, ["Databricks", "Salesforce"], [PainPoint.Plain("x")], [Event("replied", 0.5), Event("replied", 2.5)], []),
        };

        var result = LeadScoringModel.Score(inputs);

        Assert.Equal(8, result.Factors.Count);
        Assert.Equal(result.Score, result.Factors.Values.Sum());
        Assert.Equal(result.Score, result.Fit + result.Intent + result.Engagement);
        Assert.Equal(result.Fit, result.Factors["fortune_rank"] + result.Factors["annual_revenue"] + result.Factors["industry_fit"] + result.Factors["company_size"]);
        Assert.Equal(result.Intent, result.Factors["pain_severity"] + result.Factors["tech_overlap"]);
        Assert.All(result.Factors.Values, v => Assert.Equal(v, Math.Round(v, 2)));
    }

    [Fact]
    public void Score_ReplyThirtyDaysOld_CountsHalfOfOneToday()
    {
        var today = LeadScoringModel.Score(Inputs(steps: [Event("replied", 0)]));
        var monthOld = LeadScoringModel.Score(Inputs(steps: [Event("replied", 30)]));
        var touchToday = LeadScoringModel.Score(Inputs(touchpoints: [Event("replied", 0)]));
        var touchMonthOld = LeadScoringModel.Score(Inputs(touchpoints: [Event("replied", 30)]));

        Assert.Equal(6m, today.Factors["sequence_replies"]);
        Assert.Equal(3m, monthOld.Factors["sequence_replies"]);
        Assert.Equal(4m, touchToday.Factors["abm_engagement"]);
        Assert.Equal(2m, touchMonthOld.Factors["abm_engagement"]);
    }

    [Fact]
    public void Score_SameInputsTwice_GivesTheSameResult()
    {
        var inputs = Inputs(88, 45_000_000_000m, "Healthcare", 70_000, ["Kubernetes", "ServiceNow"],
            [new PainPoint { Severity = 2 }], [Event("replied", 3.7)], [Event("clicked", 12.25)]);

        var first = LeadScoringModel.Score(inputs);
        var second = LeadScoringModel.Score(inputs with { TechStack = ["Kubernetes", "ServiceNow"] });

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Fit, second.Fit);
        Assert.Equal(first.Intent, second.Intent);
        Assert.Equal(first.Engagement, second.Engagement);
        Assert.Equal(first.Factors.OrderBy(f => f.Key), second.Factors.OrderBy(f => f.Key));
    }

    [Fact]
    public void Score_NothingKnown_GivesZeroForEveryFactorWithoutThrowing()
    {
        var result = LeadScoringModel.Score(Inputs(
            tech: null, pains: null,
            steps: [new EngagementEvent("replied", null)],
            touchpoints: [new EngagementEvent("meeting", null), new EngagementEvent("mystery", AsOf)]));

        Assert.Equal(8, result.Factors.Count);
        Assert.All(result.Factors, f => Assert.Equal(0m, f.Value));
        Assert.Equal(0m, result.Score);
    }

    [Fact]
    public void Score_ExtremeInputs_StaysWithinZeroToHundred()
    {
        var flood = Enumerable.Range(0, 1_000).Select(_ => Event("meeting", 0)).ToList();
        var high = LeadScoringModel.Score(Inputs(1, decimal.MaxValue, "  banking ", long.MaxValue,
            [.. LeadScoringModel.IntegratedTechnologies], [.. Enumerable.Range(0, 50).Select(_ => new PainPoint { Severity = 99 })],
            [.. Enumerable.Range(0, 1_000).Select(_ => Event("REPLIED", 0))], flood));
        var low = LeadScoringModel.Score(Inputs(-5, -1m, "", -10, ["Sapient"], [new PainPoint { Severity = -3 }],
            [new EngagementEvent("replied", DateTime.MinValue)], [new EngagementEvent("meeting", DateTime.MaxValue)]));

        Assert.Equal(100m, high.Score);
        Assert.Equal(40m, high.Fit);
        Assert.Equal(35m, high.Intent);
        Assert.Equal(25m, high.Engagement);
        Assert.InRange(low.Score, 0m, 100m);

        // A rank outside 1..500, negative money and staff, and "Sapient" (not SAP) earn nothing; severity −3 counts as 1.
        Assert.Equal(2m, low.Score);
        Assert.Equal(2m, low.Factors["pain_severity"]);
    }
}
