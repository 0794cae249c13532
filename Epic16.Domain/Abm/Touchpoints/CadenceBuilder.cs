using Epic16.Domain.Acquisition;
using Epic16.Domain.Common;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>
/// Turns a cadence plan into its touches: every step for every readable target account, scheduled from the start by the
/// step's day offset, with the preview's first rows. Refuses, naming the field, a missing start, a bad step, an unknown or
/// inactive asset and an account the campaign does not target.
/// </summary>
internal static class CadenceBuilder
{
    internal static async Task<(CadencePreview Preview, List<Touchpoint> Touches)> BuildAsync(Epic16Context db, long campaignId, CadencePlanInput plan, CancellationToken ct)
    {
        var problems = new List<ValidationProblem>();
        var campaign = await TouchpointRules.CampaignAsync(db, campaignId, problems, ct);
        if (plan.StartAt is null)
        {
            problems.Add(new(nameof(CadencePlanInput.StartAt), "Say when the cadence starts."));
        }

        if (plan.Steps.Count is 0 or > CadencePlanInput.MaxSteps)
        {
            problems.Add(new(nameof(CadencePlanInput.Steps), $"A cadence has 1 to {CadencePlanInput.MaxSteps} steps."));
        }

        for (var i = 0; i < plan.Steps.Count; i++)
        {
            TouchpointRules.CheckChannel(plan.Steps[i].Channel, $"Steps[{i}].Channel", problems);
            if (plan.Steps[i].DayOffset is < 0 or > CadencePlanInput.MaxOffsetDays)
            {
                problems.Add(new($"Steps[{i}].DayOffset", $"Step {i + 1}: the day offset is 0 to {CadencePlanInput.MaxOffsetDays}."));
            }
        }

        var titles = await TouchpointRules.CheckAssetsAsync(db, [.. plan.Steps.Select((s, i) => (s.AssetId, $"Steps[{i}].AssetId"))], problems, ct);
        var targets = campaign?.TargetAccounts?.Distinct().ToList() ?? [];
        var wanted = plan.ProspectIds?.Distinct().ToList() ?? targets;
        var strangers = wanted.Except(targets).ToList();
        if (campaign is not null && strangers.Count > 0)
        {
            problems.Add(new(nameof(CadencePlanInput.ProspectIds), $"Prospect {string.Join(", ", strangers.Take(10))} is not a target account of \"{campaign.Name}\"."));
        }

        var companies = await db.Prospects.AsNoTracking().Where(p => wanted.Contains(p.Id))
            .Select(p => new { p.Id, p.CompanyName }).ToDictionaryAsync(p => p.Id, p => p.CompanyName, ct);
        var accounts = wanted.Where(companies.ContainsKey).OrderBy(id => companies[id], StringComparer.OrdinalIgnoreCase).ThenBy(id => id).ToList();
        if (campaign is not null && strangers.Count == 0 && accounts.Count == 0)
        {
            problems.Add(new(nameof(CadencePlanInput.ProspectIds), "None of the accounts can be touched: the campaign has no readable target account."));
        }

        TouchpointRules.ThrowIfAny(problems);
        var start = plan.StartAt!.Value.ToUtcMicroseconds();
        var touches = new List<Touchpoint>(accounts.Count * plan.Steps.Count);
        var rows = new List<CadencePreviewRow>();
        foreach (var account in accounts)
        {
            for (var i = 0; i < plan.Steps.Count; i++)
            {
                var step = plan.Steps[i];
                var at = start.AddDays(step.DayOffset);
                touches.Add(new Touchpoint
                {
                    CampaignId = campaignId, ProspectId = account, AssetId = step.AssetId, Channel = step.Channel, ScheduledAt = at,
                    Status = TouchpointStatuses.Scheduled, Notes = $"Cadence step {i + 1} of {plan.Steps.Count}",
                });
                if (rows.Count < TouchpointService.PreviewRows)
                {
                    rows.Add(new(account, companies[account], i + 1, step.Channel, step.AssetId, step.AssetId is { } a ? titles[a] : null, at));
                }
            }
        }

        var offsets = plan.Steps.Select(s => s.DayOffset).ToList();
        var preview = new CadencePreview(accounts.Count, plan.Steps.Count, touches.Count, start.AddDays(offsets.Min()), start.AddDays(offsets.Max()), rows,
            [.. wanted.Where(id => !companies.ContainsKey(id))]);
        return (preview, touches);
    }
}
