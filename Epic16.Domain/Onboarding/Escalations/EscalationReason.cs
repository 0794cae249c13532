namespace Epic16.Domain.Onboarding.Escalations;

/// <summary>Why an escalation was raised; a red-zone reason carries its component (`red_zone:nps`).</summary>
public static class EscalationReason
{
    public const string ScoreDrop = "score_drop";
    public const string AtRiskBand = "at_risk_band";
    public const string RedZonePrefix = "red_zone:";
    public const string MilestoneOverdue = "milestone_overdue";
    public const string NoTwoWayContact = "no_two_way_contact";

    public const int ScoreDropPoints = 10;
    public const int OverdueDays = 7;
    public const int SilenceDays = 21;

    public static string RedZone(string component) => RedZonePrefix + component;

    public static string Label(string reason) => reason switch
    {
        ScoreDrop => "Score dropped 10+ points in 30 days",
        AtRiskBand => "Entered at risk or critical",
        MilestoneOverdue => "Milestone overdue by more than 7 days",
        NoTwoWayContact => "No two-way contact in 21 days",
        _ when reason.StartsWith(RedZonePrefix, StringComparison.Ordinal) => $"{Health.HealthComponents.Label(reason[RedZonePrefix.Length..])} in its red zone",
        _ => reason,
    };
}
