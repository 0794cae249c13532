using Epic16.Domain.Abm;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Executive;

/// <summary>
/// The figures of many campaigns in five queries rather than five per campaign: the same reads as
/// <see cref="CampaignReportService.FiguresAsync(Security.ICurrentUser, long, CancellationToken)"/> (distinct targets, the
/// campaigns' touches, the targets' values, daily totals), done once for all, then <see cref="CampaignFigureMath"/> per campaign.
/// </summary>
internal static class CampaignFigureBatch
{
    public static async Task<Dictionary<long, CampaignFigures>> LoadAsync(Epic16Context db, PlatformContext platform, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => list.Contains(c.Id))
            .Select(c => new { c.Id, c.TargetAccounts, c.StartDate, c.EndDate, c.BudgetUsd }).ToListAsync(ct);
        var touches = (await AbmData.Facts(db.Touchpoints.Where(t => list.Contains(t.CampaignId))).ToListAsync(ct)).ToLookup(t => t.CampaignId);
        var targets = campaigns.ToDictionary(c => c.Id, c => c.TargetAccounts?.Distinct().ToList() ?? []);
        var values = await AbmData.ValuesAsync(db, platform, [.. targets.Values.SelectMany(t => t).Distinct()], ct);
        var daily = await AbmData.DailyTotalsAsync(db, list, ct);
        return campaigns.ToDictionary(c => c.Id, c => CampaignFigureMath.Compute(
            new CampaignWindow(targets[c.Id], c.StartDate, c.EndDate, c.BudgetUsd), [.. touches[c.Id]], values, daily.GetValueOrDefault(c.Id) ?? DailyTotals.None));
    }
}
