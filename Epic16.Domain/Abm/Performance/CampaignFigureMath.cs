using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Acquisition;

namespace Epic16.Domain.Abm.Performance;

/// <summary>Computes <see cref="CampaignFigures"/> from a campaign's touches (the definitions are on the record).</summary>
public static class CampaignFigureMath
{
    private static readonly string[] OpportunityStages =
        [ProspectStatus.Qualified, ProspectStatus.Proposal, ProspectStatus.Negotiation, ProspectStatus.Converted];

    public static CampaignFigures Compute(
        CampaignWindow campaign, IReadOnlyCollection<TouchFact> touches, IReadOnlyDictionary<long, ProspectValue> values, DailyTotals daily)
    {
        var delivered = touches.Count(t => TouchpointStatuses.IsDelivered(t.Status));
        var engaged = touches.Where(t => TouchpointStatuses.IsEngaged(t.Status)).ToList();
        var engagedAccounts = engaged.Select(t => t.ProspectId).Distinct().Count();
        var meetings = touches.Count(t => t.Status == TouchpointStatuses.Meeting);
        var targets = campaign.Targets.ToHashSet();
        var influenced = engaged.Where(t => targets.Contains(t.ProspectId) && campaign.Contains(t.At)).Select(t => t.ProspectId).Distinct().ToList();
        var pipeline = Money.Cents(influenced.Sum(id => values.TryGetValue(id, out var v) ? v.PipelineUsd : 0m));
        var opportunities = influenced.Count(id => values.TryGetValue(id, out var v) && v.Status is { } s && OpportunityStages.Contains(s));

        var costIsBudget = daily.Days == 0;
        var cost = Money.Cents(costIsBudget ? campaign.BudgetUsd ?? 0m : daily.CostUsd);
        return new CampaignFigures(
            targets.Count, touches.Count, delivered, engaged.Count, engagedAccounts, Percent(engaged.Count, delivered),
            daily.Impressions, daily.Clicks, Percent(daily.Clicks, daily.Impressions), meetings, daily.MeetingsBooked,
            pipeline, influenced.Count, opportunities,
            cost, costIsBudget, Per(cost, engagedAccounts), Per(cost, meetings), Per(cost, opportunities),
            cost > 0 ? decimal.Round((pipeline - cost) / cost * 100m, 2, MidpointRounding.AwayFromZero) : null,
            Money.Cents(daily.PipelineInfluencedUsd));
    }

    public static decimal? Percent(long part, long whole) =>
        whole == 0 ? null : decimal.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    public static decimal? Per(decimal cost, int count) => count == 0 ? null : Money.Cents(cost / count);
}
