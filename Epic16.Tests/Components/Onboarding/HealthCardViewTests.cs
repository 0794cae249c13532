using Bunit;
using Epic16.Dashboard.Components.Pages.Onboarding;
using Epic16.Domain.Onboarding.Health;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Components.Onboarding;

public sealed class HealthCardViewTests : BunitTestContext
{
    private static readonly IReadOnlyList<decimal?> Falling = [.. Enumerable.Range(0, 90).Select(i => i == 59 ? 89m : i == 89 ? 21m : (decimal?)null)];

    [Fact]
    public void CriticalClient_ShowsBandScoreTrendSparklineAndEscalations()
    {
        var card = Render<HealthCardView>(p => p.Add(c => c.Card, new HealthCard(
            7, "Falling <b>Inc</b>", "csm@epic16.test", "at_risk", new DateOnly(2026, 3, 10), 21m, HealthBands.Critical, -68m, 75m, Falling, 6)));

        var root = card.Find("[data-testid=health-card]");
        Assert.Equal("critical", root.GetAttribute("data-band"));
        Assert.Contains("var(--mud-palette-error)", root.GetAttribute("style"));
        Assert.Equal("Critical", card.Find("[data-testid=card-band]").TextContent.Trim());
        Assert.Equal("21", card.Find("[data-testid=card-score]").TextContent.Trim());
        Assert.Equal("-68 in 30 days", card.Find("[data-testid=card-trend]").TextContent.Trim());
        Assert.Contains("coverage 75 %", card.Find("[data-testid=card-meta]").TextContent);
        Assert.Contains("At risk · CSM csm@epic16.test", card.Find("[data-testid=card-meta]").TextContent);
        Assert.Equal("6 open escalations", card.Find("[data-testid=card-escalations]").TextContent.Trim());
        Assert.Equal("/onboarding/clients/7", card.Find("[data-testid=card-company]").GetAttribute("href"));
        Assert.Equal("Falling <b>Inc</b>", card.Find("[data-testid=card-company]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=card-company] b b"));

        var sparkline = card.Find("[data-testid=sparkline]");
        Assert.Equal("img", sparkline.GetAttribute("role"));
        Assert.Equal("Health over 90 days: from 89 to 21, lowest 21, highest 89", sparkline.GetAttribute("aria-label"));
        // Two lone days with a gap between them: two one-point segments, no false slope across the gap.
        Assert.Equal(2, card.FindAll("[data-testid=sparkline] polyline").Count);
    }

    [Fact]
    public void ClientWithoutSnapshots_SaysNoDataInsteadOfAScore()
    {
        var card = Render<HealthCardView>(p => p.Add(c => c.Card, new HealthCard(8, "New Co", null, "kickoff", null, null, null, null, 0m, [], 0)));

        Assert.Equal("none", card.Find("[data-testid=health-card]").GetAttribute("data-band"));
        Assert.Equal("No data", card.Find("[data-testid=card-band]").TextContent.Trim());
        Assert.Equal("—", card.Find("[data-testid=card-score]").TextContent.Trim());
        Assert.Equal("no trend yet", card.Find("[data-testid=card-trend]").TextContent.Trim());
        Assert.Contains("CSM unassigned", card.Find("[data-testid=card-meta]").TextContent);
        Assert.Equal("No health history yet", card.Find("[data-testid=sparkline]").GetAttribute("aria-label"));
        Assert.Empty(card.FindAll("[data-testid=card-escalations]"));
    }

    [Fact]
    public void ContinuousHistory_IsOneLineScaledToTheCard()
    {
        IReadOnlyList<decimal?> steady = [.. Enumerable.Range(0, 90).Select(i => (decimal?)(50 + i % 2 * 50))];

        var card = Render<HealthCardView>(p => p.Add(c => c.Card, new HealthCard(9, "Steady", null, "live", new DateOnly(2026, 3, 10), 100m, HealthBands.Healthy, 0m, 100m, steady, 0)));

        var points = card.Find("[data-testid=sparkline] polyline").GetAttribute("points")!.Split(' ');
        Assert.Equal(90, points.Length);
        Assert.Equal("0,18", points[0]);   // 50 sits halfway up the 36-pixel line (2 px margins)
        Assert.Equal("180,2", points[^1]); // 100 at the top, the last day at the right edge
    }
}
