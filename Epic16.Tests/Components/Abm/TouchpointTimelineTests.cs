using System.Text.Json;
using Bunit;
using Epic16.Dashboard.Components.Pages.Abm;
using Epic16.Domain.Abm.Performance;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Components.Abm;

public sealed class TouchpointTimelineTests : BunitTestContext
{
    private static readonly DateTime Monday = new(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly TimelinePage Page = new(
        [new(1, "Acme <b>Corp</b>"), new(2, "Bolt")],
        [
            new(11, 1, "email", Monday, "replied", "ROI <i>guide</i>", 60m),
            new(12, 1, "call", Monday.AddDays(7), "meeting", null, 90m),
            new(13, 2, "email", Monday.AddHours(1), "clicked", null, 35m),
            new(14, 2, "linkedin", Monday.AddDays(3), "scheduled", null, null),
        ],
        UndatedTouches: 1, TotalAccounts: 45, Page: 2, PageSize: 20);

    private readonly BunitJSModuleInterop _module;

    public TouchpointTimelineTests() => _module = JSInterop.SetupModule(TouchpointTimeline.ModulePath);

    [Fact]
    public void FirstRender_Page_DrawsTouchesInRowsByAccountAndChannelColouredByStatus()
    {
        var timeline = Render<TouchpointTimeline>(p => p.Add(t => t.Page, Page).Add(t => t.CanEdit, true));

        var create = _module.VerifyInvoke("create");
        Assert.Equal("lib/apexcharts/apexcharts.min.js", create.Arguments[2]);
        using var model = JsonDocument.Parse((string)create.Arguments[3]!);
        var points = model.RootElement.GetProperty("points").EnumerateArray().ToList();
        // Accounts in the page's order, channels by name within an account: the chart lists rows as it meets them.
        Assert.Equal([12L, 11L, 13L, 14L], points.Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal(["Acme <b>Corp</b> · Call", "Acme <b>Corp</b> · Email", "Bolt · Email", "Bolt · Linkedin"], points.Select(p => p.GetProperty("row").GetString()));
        var meeting = points[0];
        Assert.Equal("Acme <b>Corp</b> · Email · ROI <i>guide</i> · Replied · 2026-02-02 09:00 UTC", points[1].GetProperty("label").GetString());
        Assert.Equal(("meeting", "--mud-palette-success"), (meeting.GetProperty("status").GetString(), meeting.GetProperty("colorVariable").GetString()));
        Assert.Equal(["Scheduled", "Clicked", "Replied", "Meeting"], timeline.FindAll("[data-testid=timeline-legend] .mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Equal(new DateTimeOffset(Monday.AddDays(7)).ToUnixTimeMilliseconds(), meeting.GetProperty("from").GetInt64());
        Assert.Contains("Accounts 21–40 of 45", timeline.Markup);
        Assert.Contains("1 touch(es) without a date", timeline.Markup);
        Assert.Equal(3, timeline.FindAll("[data-testid=timeline-pager] li").Count(li => li.TextContent.Trim() is "1" or "2" or "3"));
    }

    [Fact]
    public async Task TableView_EditButtonAndChartClick_RaiseTheTouchForEditing()
    {
        var picked = new List<long>();
        var timeline = Render<TouchpointTimeline>(p => p.Add(t => t.Page, Page).Add(t => t.CanEdit, true).Add(t => t.OnTouchSelected, id => picked.Add(id)));

        Assert.Empty(timeline.FindAll("[data-testid=timeline-row]"));
        await timeline.InvokeAsync(() => timeline.Find("input[data-testid=timeline-table-switch], [data-testid=timeline-table-switch] input").Change(true));
        var rows = timeline.FindAll("[data-testid=timeline-row]");
        Assert.Equal(4, rows.Count);
        Assert.Contains("Acme <b>Corp</b>", rows[0].TextContent);
        Assert.Contains("ROI <i>guide</i>", rows[0].TextContent);
        Assert.Empty(timeline.FindAll("b"));
        Assert.Contains("Edit the call touch of Acme <b>Corp</b>", timeline.FindAll("[data-testid=timeline-edit]")[1].GetAttribute("aria-label"));

        await timeline.InvokeAsync(() => timeline.FindAll("[data-testid=timeline-edit]")[1].Click());
        await timeline.InvokeAsync(() => timeline.Instance.SelectTouch(13));
        await timeline.InvokeAsync(() => timeline.Instance.SelectTouch(999));

        Assert.Equal([12L, 13L], picked);
    }

    [Fact]
    public async Task ReadOnly_NoEditButtonsAndChartClicksIgnored()
    {
        var picked = new List<long>();
        var timeline = Render<TouchpointTimeline>(p => p.Add(t => t.Page, Page).Add(t => t.CanEdit, false).Add(t => t.OnTouchSelected, id => picked.Add(id)));

        await timeline.InvokeAsync(() => timeline.Find("input[data-testid=timeline-table-switch], [data-testid=timeline-table-switch] input").Change(true));
        await timeline.InvokeAsync(() => timeline.Instance.SelectTouch(12));

        Assert.Equal(4, timeline.FindAll("[data-testid=timeline-row]").Count);
        Assert.Empty(timeline.FindAll("[data-testid=timeline-edit]"));
        Assert.Empty(picked);
        Assert.False((bool)_module.VerifyInvoke("create").Arguments[5]!);
    }

    [Fact]
    public void NewPage_SendsOnlyTheNewModel()
    {
        var timeline = Render<TouchpointTimeline>(p => p.Add(t => t.Page, Page));

        timeline.Render(p => p.Add(t => t.Page, Page));
        Assert.DoesNotContain(_module.Invocations, i => i.Identifier == "update");
        timeline.Render(p => p.Add(t => t.Page, Page with { Touches = Page.Touches.Take(1).ToList(), Page = 3 }));

        var update = Assert.Single(_module.Invocations, i => i.Identifier == "update");
        using var model = JsonDocument.Parse((string)update.Arguments[1]!);
        Assert.Equal([11L], model.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
    }
}
