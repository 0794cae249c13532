using System.Globalization;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Dashboard.Components.Pages.Acquisition;

/// <summary>How the Sales pages write stages, statuses and money.</summary>
public static class StageNames
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Of(string stage) => stage.Length == 0 ? stage : char.ToUpperInvariant(stage[0]) + stage[1..].Replace('_', ' ');

    public static string Money(decimal? value) => value is { } v ? v.ToString("C0", Us) : "—";

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.##", Us) + " %" : "—";

    public static MudBlazor.Color ColorOf(string stage) => stage switch
    {
        ProspectStatus.Converted => MudBlazor.Color.Success,
        ProspectStatus.Lost => MudBlazor.Color.Error,
        ProspectStatus.Negotiation or ProspectStatus.Proposal => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Info,
    };
}
