using System.Globalization;
using Epic16.Domain.Onboarding.Health;

namespace Epic16.Domain.Onboarding.Escalations;

/// <summary>
/// When a client needs attention: its score dropped 10+ points in 30 days; it entered at risk or critical; a component is in
/// its red zone (below 30); a milestone is overdue by more than 7 days; no two-way contact in 21 days. Pure.
/// </summary>
public static class EscalationRules
{
    public static IReadOnlyList<RaisedReason> Evaluate(EscalationFacts facts)
    {
        var raised = new List<RaisedReason>();
        var score = facts.Health.Score;
        if (score is { } now && facts.ScoreThirtyDaysEarlier is { } before && before - now >= EscalationReason.ScoreDropPoints)
        {
            raised.Add(new(EscalationReason.ScoreDrop, $"Health fell from {F(before)} to {F(now)} in 30 days ({F(now - before)} points)."));
        }

        if (HealthBands.IsAtRiskOrWorse(facts.Health.Band) && !(facts.HasPreviousSnapshot && HealthBands.IsAtRiskOrWorse(facts.PreviousBand)))
        {
            raised.Add(new(EscalationReason.AtRiskBand, $"Health {F(score!.Value)} is {HealthBands.Label(facts.Health.Band).ToLowerInvariant()}" +
                (facts.PreviousBand is null ? "." : $" (was {HealthBands.Label(facts.PreviousBand).ToLowerInvariant()}).")));
        }

        foreach (var component in facts.Health.Components.Where(c => c.InRedZone))
        {
            raised.Add(new(EscalationReason.RedZone(component.Component),
                $"{HealthComponents.Label(component.Component)} scores {F(component.Score!.Value)} (red zone below {F(HealthComponents.RedZoneBelow)})."));
        }

        var overdue = facts.UnfinishedMilestones.Where(m => facts.Day.DayNumber - m.Due.DayNumber > EscalationReason.OverdueDays).OrderBy(m => m.Due).ToList();
        if (overdue.Count > 0)
        {
            var first = overdue[0];
            raised.Add(new(EscalationReason.MilestoneOverdue,
                $"\"{first.Name}\" is {facts.Day.DayNumber - first.Due.DayNumber} days overdue" + (overdue.Count > 1 ? $" ({overdue.Count} milestones overdue)." : ".")));
        }

        var silent = facts.DaysSinceTwoWayContact is { } days
            ? days > EscalationReason.SilenceDays
            : facts.ClientStart is { } start && facts.Day.DayNumber - start.DayNumber > EscalationReason.SilenceDays;
        if (silent)
        {
            raised.Add(new(EscalationReason.NoTwoWayContact, facts.DaysSinceTwoWayContact is { } d
                ? $"The last two-way contact was {d} days ago."
                : "No two-way contact since the start."));
        }

        return raised;
    }

    /// <summary>Days to act: a fall in band or score is urgent.</summary>
    public static int DueInDays(string reason) => reason is EscalationReason.AtRiskBand or EscalationReason.ScoreDrop ? 2 : 5;

    private static string F(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
