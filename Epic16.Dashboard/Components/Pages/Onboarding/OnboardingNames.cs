using System.Globalization;
using Epic16.Domain.Onboarding.Health;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Onboarding;

/// <summary>How onboarding words and bands are shown: labels, theme colours (never colour alone: a label goes with each).</summary>
public static class OnboardingNames
{
    public static Color ColorOf(string? band) => band switch
    {
        HealthBands.Healthy => Color.Success,
        HealthBands.Watch => Color.Info,
        HealthBands.AtRisk => Color.Warning,
        HealthBands.Critical => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The theme's CSS variable for the band, for borders and sparklines.</summary>
    public static string CssColorOf(string? band) => band switch
    {
        HealthBands.Healthy => "var(--mud-palette-success)",
        HealthBands.Watch => "var(--mud-palette-info)",
        HealthBands.AtRisk => "var(--mud-palette-warning)",
        HealthBands.Critical => "var(--mud-palette-error)",
        _ => "var(--mud-palette-text-secondary)",
    };

    public static string Status(string status) => status switch
    {
        "kickoff" => "Kickoff",
        "implementation" => "Implementation",
        "adoption" => "Adoption",
        "live" => "Live",
        "at_risk" => "At risk",
        "churned" => "Churned",
        "pending" => "Pending",
        "in_progress" => "In progress",
        "done" => "Done",
        "blocked" => "Blocked",
        "open" => "Open",
        "acknowledged" => "Acknowledged",
        "resolved" => "Resolved",
        _ => status,
    };

    public static string Score(decimal? score) => score?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    public static string Trend(decimal? trend) => trend switch
    {
        null => "no trend yet",
        > 0 => $"+{trend.Value.ToString("0.##", CultureInfo.InvariantCulture)} in 30 days",
        _ => $"{trend.Value.ToString("0.##", CultureInfo.InvariantCulture)} in 30 days",
    };

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Money(decimal? usd) => usd is { } v ? v.ToString("$#,##0", CultureInfo.InvariantCulture) : "—";
}
