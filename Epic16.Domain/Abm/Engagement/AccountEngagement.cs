using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm.Engagement;

/// <summary>A prospect's engagement score (<see cref="EngagementModel"/>) and buying stage with its reasons (<see cref="BuyingStageRules"/>).</summary>
public sealed class AccountEngagement(IStoreRouter router, TimeProvider clock)
{
    public async Task<AccountEngagementView> ForProspectAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var stage = await db.Prospects.AsNoTracking().Where(p => p.Id == prospectId).Select(p => p.Status).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"There is no prospect with id {prospectId}.");
        var touches = await AbmData.ProspectTouchesAsync(db, [prospectId], ct);
        var ids = touches.Select(t => t.CampaignId).Distinct().ToList();
        var names = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return Compute(prospectId, stage, touches, names, clock.GetUtcNow().UtcDateTime);
    }

    public static AccountEngagementView Compute(
        long prospectId, string? pipelineStage, IReadOnlyCollection<TouchFact> touches, IReadOnlyDictionary<long, string> campaignNames, DateTime now)
    {
        var score = EngagementModel.Score(touches, now);
        var (stage, why) = BuyingStageRules.Decide(pipelineStage, score, touches);
        var campaigns = touches.GroupBy(t => t.CampaignId)
            .Select(g => new CampaignTouchSummary(g.Key, campaignNames.GetValueOrDefault(g.Key), g.Count(), g.Count(t => Touchpoints.TouchpointStatuses.IsEngaged(t.Status)),
                decimal.Round(g.Sum(t => EngagementModel.PointsOf(t, now)), 2, MidpointRounding.AwayFromZero), g.Max(t => t.At)))
            .OrderByDescending(c => c.LastTouchAt).ThenBy(c => c.CampaignId).ToList();
        return new AccountEngagementView(prospectId, score, stage, why, touches.Count, touches.Count(t => Touchpoints.TouchpointStatuses.IsDelivered(t.Status)),
            touches.Count(t => t.Status == Touchpoints.TouchpointStatuses.Meeting), touches.Where(t => t.At <= now).Max(t => t.At), campaigns);
    }
}
