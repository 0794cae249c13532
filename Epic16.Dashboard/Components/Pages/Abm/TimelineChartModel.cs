using System.Text.Json;
using Epic16.Domain.Abm.Performance;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>
/// What the timeline chart draws for one page: a row per account and channel (accounts in the page's order, channels by
/// name), a short bar per touch at its time, coloured by status. Built on the server from the page the service returned.
/// </summary>
public sealed record TimelineChartModel(int Height, IReadOnlyList<TimelineChartPoint> Points)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // A touch is an instant; 20 hours makes it a visible mark on a scale of weeks.
    private static readonly TimeSpan Mark = TimeSpan.FromHours(20);

    public static TimelineChartModel Build(TimelinePage page)
    {
        var order = page.Accounts.Select((a, i) => (a.ProspectId, i)).ToDictionary(x => x.ProspectId, x => x.i);
        var labels = page.Accounts.ToDictionary(a => a.ProspectId, a => a.Label);
        // ApexCharts lists the rows in the order it first meets them: the points go in row order, then by time.
        var points = page.Touches
            .OrderBy(t => order.GetValueOrDefault(t.ProspectId, int.MaxValue)).ThenBy(t => t.Channel, StringComparer.Ordinal).ThenBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new TimelineChartPoint(t.Id, RowOf(labels, t), Ms(t.At), Ms(t.At + Mark), t.Status, AbmText.StatusCssVariable(t.Status),
                $"{labels.GetValueOrDefault(t.ProspectId, "?")} · {AbmText.Word(t.Channel)}{(t.AssetTitle is { } asset ? $" · {asset}" : "")} · {AbmText.Word(t.Status)} · {AbmText.When(t.At)} UTC"))
            .ToList();
        var rows = points.Select(p => p.Row).Distinct().Count();
        return new TimelineChartModel(Math.Clamp(70 + rows * 26, 160, 1400), points);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static string RowOf(IReadOnlyDictionary<long, string> labels, TimelineTouch touch) =>
        $"{labels.GetValueOrDefault(touch.ProspectId, "?")} · {AbmText.Word(touch.Channel)}";

    private static long Ms(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
