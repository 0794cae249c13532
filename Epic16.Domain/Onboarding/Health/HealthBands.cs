namespace Epic16.Domain.Onboarding.Health;

/// <summary>Healthy ≥ 75, watch 50–74, at risk 30–49, critical below 30 (the legacy risk_level words).</summary>
public static class HealthBands
{
    public const string Healthy = "healthy";
    public const string Watch = "watch";
    public const string AtRisk = "at_risk";
    public const string Critical = "critical";

    /// <summary>Worst first: the board's order.</summary>
    public static readonly IReadOnlyList<string> All = [Critical, AtRisk, Watch, Healthy];

    public static string Of(decimal score) => score switch
    {
        >= 75m => Healthy,
        >= 50m => Watch,
        >= 30m => AtRisk,
        _ => Critical,
    };

    /// <summary>0 for critical up to 3 for healthy; no score sorts with critical clients' neighbours, after them.</summary>
    public static int Rank(string? band) => band switch { Critical => 0, AtRisk => 1, Watch => 2, Healthy => 3, _ => 4 };

    public static bool IsAtRiskOrWorse(string? band) => band is AtRisk or Critical;

    public static string Label(string? band) => band switch
    {
        Healthy => "Healthy",
        Watch => "Watch",
        AtRisk => "At risk",
        Critical => "Critical",
        _ => "No data",
    };
}
