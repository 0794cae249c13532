using Bunit;
using Epic16.Dashboard.Components.Pages.Abm;
using Epic16.Domain.Abm;
using Epic16.Domain.Abm.Attribution;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Components.Abm;

public sealed class AttributionTableTests : BunitTestContext
{
    private static readonly DateTime Now = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    // Alpha opens, Beta holds the meeting and the last touch: first touch credits Alpha, the other models Beta.
    private static readonly AttributionReport Report = AttributionMath.Compute(
        [
            new(1, 1, 7, null, "email", null, Now.AddDays(-14), "opened", null),
            new(2, 2, 7, null, "event", null, Now.AddDays(-7), "meeting", null),
            new(3, 2, 7, null, "call", null, Now, "replied", null),
        ],
        new Dictionary<long, ProspectValue> { [7] = new(7, "Acme", "engaged", 100_000m, null) },
        new Dictionary<long, DateTime>(), new Dictionary<long, string> { [1] = "Alpha <script>", [2] = "Beta" }, new Dictionary<long, string>(), Now);

    [Fact]
    public void Render_ByCampaign_EveryModelSideBySideAndTheDisagreementFlagged()
    {
        var table = Render<AttributionTable>(p => p.Add(t => t.Report, Report).Add(t => t.Highlight, "2"));

        var headers = table.FindAll("[data-testid=attribution-table] th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Campaign", "First touch", "Last touch", "Linear", "U-shaped 40/20/40", "W-shaped 30/30/30+10", "Time decay (7-day half-life)"], headers);
        var rows = table.FindAll("[data-testid=attribution-row]");
        Assert.Equal(2, rows.Count);
        // Linear: Beta 2/3, Alpha 1/3 (rows by linear credit, highest first). U with three touches: 40/20/40; W with the meeting in the middle: a third each. Time decay: 1/4 : 1/2 : 1 → 1/7, 2/7, 4/7.
        Assert.Equal("Beta (this campaign)", rows[0].QuerySelector("td")!.TextContent);
        Assert.Equal(["$0", "$100,000", "$66,667", "$60,000", "$66,667", "$85,714"], Cells(rows[0]));
        Assert.Equal(["$100,000", "$0", "$33,333", "$40,000", "$33,333", "$14,286"], Cells(rows[1]));
        Assert.Equal("Alpha <script>", rows[1].QuerySelector("td")!.TextContent);
        Assert.Contains("First touch: Alpha <script>; Last touch: Beta", table.Find("[data-testid=attribution-disagree]").TextContent);
    }

    [Fact]
    public async Task ByChannel_ShowsTheChannelsCredit()
    {
        var table = Render<AttributionTable>(p => p.Add(t => t.Report, Report));

        await table.InvokeAsync(() => table.FindAll(".mud-toggle-item").Single(b => b.TextContent.Contains("By channel")).Click());

        var rows = table.FindAll("[data-testid=attribution-row]");
        // A third each under linear: equal credit, so by key.
        Assert.Equal(["call", "email", "event"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Equal("$100,000", rows.Single(r => r.QuerySelector("td")!.TextContent == "call").QuerySelector("[data-model=LastTouch]")!.TextContent);
    }

    private static List<string> Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td[data-model]").Select(td => td.TextContent)];
}
