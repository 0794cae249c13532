namespace Epic16.Domain.Onboarding.Health;

/// <summary>Everything a client's health is computed from, read once for a whole run.</summary>
public sealed class ClientHealthData
{
    /// <summary>Two-way contact: an inbound message, or a call, meeting or QBR whichever way it went.</summary>
    public static readonly IReadOnlySet<string> TwoWayChannels = new HashSet<string> { "call", "meeting", "qbr" };

    public required OnboardingClient Client { get; init; }

    /// <summary>Inputs by day, oldest first.</summary>
    public List<HealthMetric> Metrics { get; } = [];

    public List<Milestone> Milestones { get; } = [];

    /// <summary>Times of two-way contact, oldest first.</summary>
    public List<DateTime> TwoWayContacts { get; } = [];

    /// <summary>An input older than this is no longer the client's health.</summary>
    public const int InputValidDays = 30;

    public HealthSignals SignalsOn(DateOnly day)
    {
        HealthMetric? input = null;
        for (var i = Metrics.Count - 1; i >= 0; i--)
        {
            if (Metrics[i].MetricDate <= day)
            {
                input = day.DayNumber - Metrics[i].MetricDate.DayNumber <= InputValidDays ? Metrics[i] : null;
                break;
            }
        }

        var end = day.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        DateTime? last = null;
        for (var i = TwoWayContacts.Count - 1; i >= 0; i--)
        {
            if (TwoWayContacts[i] <= end)
            {
                last = TwoWayContacts[i];
                break;
            }
        }

        var onTime = HealthModel.MilestonesOnTime(
            Milestones.Select(m => (m.DueDate, m.Status == "done" ? (DateOnly?)(m.CompletedAt is { } c ? DateOnly.FromDateTime(c) : m.DueDate) : null)), day);
        return new HealthSignals(input?.ProductUsage, input?.SupportTickets, input?.Nps, input?.Engagement, onTime,
            last is { } at ? day.DayNumber - DateOnly.FromDateTime(at).DayNumber : null);
    }

    public IReadOnlyList<(string Name, DateOnly Due)> UnfinishedOn(DateOnly day) =>
        [.. Milestones.Where(m => m.DueDate is not null && (m.Status != "done" || (m.CompletedAt is { } c && DateOnly.FromDateTime(c) > day)))
            .Select(m => (m.Name, m.DueDate!.Value))];
}
