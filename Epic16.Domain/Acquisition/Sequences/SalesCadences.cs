namespace Epic16.Domain.Acquisition.Sequences;

/// <summary>
/// The catalogue of cadences a rep can start. A cadence is named once here; the steps it creates carry its name as
/// their sequence name, so a prospect's timeline groups them and a second run of the same cadence can be detected.
/// </summary>
public static class SalesCadences
{
    public const string Enterprise5Touch = "Enterprise 5-touch";
    public const string ExecutiveOutreach = "Executive outreach";
    public const string EventFollowUp = "Event follow-up";

    public static readonly IReadOnlyList<Cadence> All =
    [
        new(Enterprise5Touch, "Five touches over three weeks for a new enterprise account.",
        [
            new(1, "email", 0, "Introduction"),
            new(2, "linkedin", 2, "Connection request"),
            new(3, "email", 5, "Case study"),
            new(4, "call", 9, "Discovery call"),
            new(5, "email", 16, "Break-up note"),
        ]),
        new(ExecutiveOutreach, "A slower, senior cadence for the economic buyer.",
        [
            new(1, "direct_mail", 0, "Executive briefing pack"),
            new(2, "email", 4, "ROI summary"),
            new(3, "call", 10, "Executive call"),
            new(4, "meeting", 21, "On-site meeting"),
        ]),
        new(EventFollowUp, "Follow-up after meeting the account at an event.",
        [
            new(1, "email", 1, "Great to meet you"),
            new(2, "linkedin", 3, "Connection request"),
            new(3, "call", 7, "Follow-up call"),
        ]),
    ];

    /// <summary>The cadence with this name (ignoring case and surrounding spaces), or null.</summary>
    public static Cadence? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : All.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
