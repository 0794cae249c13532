using System.Text.Json;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Abm.Touchpoints;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>
/// What the timeline chart draws for one page: a row per account and channel, a short bar per touch at its time, one series
/// per status (so the legend explains the colours). Built on the server from the page the service returned.
/// </summary>
public sealed record TimelineChartModel(int Height, IReadOnlyList<TimelineChartSeries> Series)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // A touch is an instant; 20 hours makes it a visible mark on a scale of weeks.
    private static readonly TimeSpan Mark = TimeSpan.FromHours(20);

    public static TimelineChartModel Build(TimelinePage page)
    {
        var labels = page.Accounts.ToDictionary(a => a.ProspectId, a => a.Label);
        var rows = page.Touches.Select(t => RowOf(labels, t)).Distinct().Count();
        var series = page.Touches.GroupBy(t => t.Status)
            .OrderBy(g => AbmVocabularyOrder(g.Key))
            .Select(g => new TimelineChartSeries(AbmText.Word(g.Key), AbmText.StatusCssVariable(g.Key), [.. g.Select(t => new TimelineChartPoint(
                t.Id, RowOf(labels, t), Ms(t.At), Ms(t.At + Mark),
                $"{labels.GetValueOrDefault(t.ProspectId, "?")} · {AbmText.Word(t.Channel)} · {AbmText.Word(t.Status)} · {AbmText.When(t.At)} UTC"))]))
            .ToList();
        return new TimelineChartModel(Math.Clamp(90 + rows * 26, 180, 1400), series);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static string RowOf(IReadOnlyDictionary<long, string> labels, TimelineTouch touch) =>
        $"{labels.GetValueOrDefault(touch.ProspectId, "?")} · {AbmText.Word(touch.Channel)}";

    private static long Ms(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static int AbmVocabularyOrder(string status) => Domain.Abm.AbmVocabulary.TouchpointStatuses.ToList().IndexOf(status) is var i and >= 0 ? i : 99;
}
