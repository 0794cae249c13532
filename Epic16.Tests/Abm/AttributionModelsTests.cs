using Epic16.Domain.Abm;
using Epic16.Domain.Abm.Attribution;

namespace Epic16.Tests.Abm;

/// <summary>Each model against a path worked out by hand: five touches, a meeting in the middle, $120,000 of pipeline.</summary>
public sealed class AttributionModelsTests
{
    private static readonly DateTime Conversion = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    // Campaign 1 opens and closes the path; campaign 2 holds the meeting and the touch before it; campaign 3 one email.
    private static readonly TouchFact[] Path =
    [
        Touch(1, campaign: 1, "email", daysBefore: 28, "opened"),
        Touch(2, campaign: 2, "linkedin", daysBefore: 21, "clicked"),
        Touch(3, campaign: 2, "event", daysBefore: 14, "meeting"),
        Touch(4, campaign: 3, "email", daysBefore: 7, "sent"),
        Touch(5, campaign: 1, "call", daysBefore: 0, "replied"),
    ];

    [Theory]
    [InlineData(AttributionModel.FirstTouch, "1|0|0|0|0")]
    [InlineData(AttributionModel.LastTouch, "0|0|0|0|1")]
    [InlineData(AttributionModel.Linear, "0.2|0.2|0.2|0.2|0.2")]
    // 40 % first and last, 20 % over the three in between.
    [InlineData(AttributionModel.UShaped, "0.4|0.0667|0.0667|0.0667|0.4")]
    // 30 % first touch, first meeting (touch 3), last touch; 10 % over touches 2 and 4.
    [InlineData(AttributionModel.WShaped, "0.3|0.05|0.3|0.05|0.3")]
    // Weights 1/16, 1/8, 1/4, 1/2, 1 (7-day half-life), sum 31/16: shares 1/31, 2/31, 4/31, 8/31, 16/31.
    [InlineData(AttributionModel.TimeDecay, "0.0323|0.0645|0.129|0.2581|0.5161")]
    public void Shares_FivePathWithMeeting_MatchTheHandWorkedShares(AttributionModel model, string expected)
    {
        var shares = AttributionModels.Shares(model, Path, Conversion);

        Assert.Equal(expected, string.Join("|", shares.Select(s => decimal.Round(s, 4).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(1m, decimal.Round(shares.Sum(), 10));
    }

    [Fact]
    public void Shares_NoMeetingInTheMiddle_WShapedFallsBackToUShaped()
    {
        TouchFact[] path = [Path[0], Path[1], Path[3], Path[4]];

        Assert.Equal(AttributionModels.Shares(AttributionModel.UShaped, path, Conversion), AttributionModels.Shares(AttributionModel.WShaped, path, Conversion));
        Assert.Equal([0.4m, 0.1m, 0.1m, 0.4m], AttributionModels.Shares(AttributionModel.UShaped, path, Conversion));
    }

    [Fact]
    public void Compute_OneAccount_CreditsCampaignsChannelsAndFlagsTheDisagreement()
    {
        var values = new Dictionary<long, ProspectValue> { [7] = new(7, "Acme", "qualified", 120_000m, null) };
        var names = new Dictionary<long, string> { [1] = "Alpha", [2] = "Beta", [3] = "Gamma" };

        var report = AttributionMath.Compute(Path, values, new Dictionary<long, DateTime>(), names, new Dictionary<long, string>(), Conversion);

        var campaign = report.Of(AttributionRow.Campaign).ToDictionary(r => r.Label);
        // Alpha holds touches 1 and 5, Beta 2 and 3, Gamma 4.
        Assert.Equal(120_000m, campaign["Alpha"].Credit[AttributionModel.FirstTouch]);
        Assert.Equal(0m, campaign["Beta"].Credit[AttributionModel.LastTouch]);
        Assert.Equal((48_000m, 48_000m, 24_000m), (campaign["Alpha"].Credit[AttributionModel.Linear], campaign["Beta"].Credit[AttributionModel.Linear], campaign["Gamma"].Credit[AttributionModel.Linear]));
        Assert.Equal((96_000m, 16_000m, 8_000m), (campaign["Alpha"].Credit[AttributionModel.UShaped], campaign["Beta"].Credit[AttributionModel.UShaped], campaign["Gamma"].Credit[AttributionModel.UShaped]));
        Assert.Equal((72_000m, 42_000m, 6_000m), (campaign["Alpha"].Credit[AttributionModel.WShaped], campaign["Beta"].Credit[AttributionModel.WShaped], campaign["Gamma"].Credit[AttributionModel.WShaped]));
        // (1 + 16)/31, (2 + 4)/31, 8/31 of 120,000.
        Assert.Equal((65_806.45m, 23_225.81m, 30_967.74m), (campaign["Alpha"].Credit[AttributionModel.TimeDecay], campaign["Beta"].Credit[AttributionModel.TimeDecay], campaign["Gamma"].Credit[AttributionModel.TimeDecay]));
        Assert.Equal(48_000m, report.Of(AttributionRow.Channel).Single(r => r.Key == "email").Credit[AttributionModel.Linear]);
        Assert.Equal("Alpha", report.TopCampaign[AttributionModel.FirstTouch]);
        Assert.False(report.ModelsDisagree);
        Assert.Equal((1, 5, 120_000m), (report.Accounts, report.Touches, report.PipelineUsd));
    }

    [Fact]
    public void Compute_ModelsPickDifferentCampaigns_AreFlagged()
    {
        // Alpha opens, Beta holds everything after it: first touch names Alpha, the others Beta.
        TouchFact[] path = [Path[0] with { CampaignId = 1 }, Path[1] with { CampaignId = 2 }, Path[2] with { CampaignId = 2 }, Path[4] with { CampaignId = 2 }];
        var values = new Dictionary<long, ProspectValue> { [7] = new(7, "Acme", "engaged", 10_000m, null) };

        var report = AttributionMath.Compute(path, values, new Dictionary<long, DateTime>(), new Dictionary<long, string> { [1] = "Alpha", [2] = "Beta" }, new Dictionary<long, string>(), Conversion);

        Assert.True(report.ModelsDisagree);
        Assert.Equal(("Alpha", "Beta"), (report.TopCampaign[AttributionModel.FirstTouch], report.TopCampaign[AttributionModel.LastTouch]));
    }

    [Fact]
    public void Compute_ConvertedAccount_UsesTheDealAndOnlyTouchesUpToTheConversion()
    {
        var values = new Dictionary<long, ProspectValue> { [7] = new(7, "Acme", "converted", 120_000m, 90_000m) };
        var conversions = new Dictionary<long, DateTime> { [7] = Conversion.AddDays(-10) };

        var report = AttributionMath.Compute(Path, values, conversions, new Dictionary<long, string>(), new Dictionary<long, string>(), Conversion);

        // Touches 1–3 are before the conversion; the last of them (the meeting, campaign 2) takes last touch.
        Assert.Equal((3, 90_000m), (report.Touches, report.PipelineUsd));
        Assert.Equal(90_000m, report.Of(AttributionRow.Campaign).Single(r => r.Key == "2").Credit[AttributionModel.LastTouch]);
        Assert.Equal("Campaign #2", report.TopCampaign[AttributionModel.LastTouch]);
    }

    private static TouchFact Touch(long id, long campaign, string channel, int daysBefore, string status) =>
        new(id, campaign, 7, null, channel, null, Conversion.AddDays(-daysBefore), status, null);
}
