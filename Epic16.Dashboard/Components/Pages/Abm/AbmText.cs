using System.Globalization;
using Epic16.Domain.Abm.Touchpoints;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>How the ABM pages write tiers, statuses, money and rates, and which theme colour a touch status takes.</summary>
public static class AbmText
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Word(string? value) =>
        string.IsNullOrEmpty(value) ? "—" : value == "MQA" ? value : char.ToUpperInvariant(value[0]) + value[1..].Replace('_', ' ');

    public static string Money(decimal? value) => value is { } v ? v.ToString("C0", Us) : "—";

    public static string Cents(decimal? value) => value is { } v ? v.ToString("C2", Us) : "—";

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.##", Us) + " %" : "—";

    public static string When(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", Us) ?? "—";

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", Us) ?? "—";

    public static Color StatusColor(string status) => status switch
    {
        TouchpointStatuses.Meeting => Color.Success,
        TouchpointStatuses.Replied => Color.Primary,
        TouchpointStatuses.Clicked => Color.Info,
        TouchpointStatuses.Opened => Color.Secondary,
        TouchpointStatuses.Sent => Color.Dark,
        TouchpointStatuses.Failed => Color.Error,
        TouchpointStatuses.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>The MudBlazor palette variable of a status, for the timeline chart (resolved in the browser, so dark mode follows).</summary>
    public static string StatusCssVariable(string status) => "--mud-palette-" + (StatusColor(status) switch
    {
        Color.Default => "text-disabled",
        var c => c.ToString().ToLowerInvariant(),
    });
}
