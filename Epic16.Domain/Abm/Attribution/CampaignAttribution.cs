using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm.Attribution;

/// <summary>Attribution side by side (<see cref="AttributionMath"/>) for a campaign's target accounts, over all their touches in every campaign.</summary>
public sealed class CampaignAttribution(IStoreRouter router, IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    public async Task<AttributionReport> ForCampaignAsync(ICurrentUser user, long campaignId, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var targets = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.TargetAccounts).SingleOrDefaultAsync(ct);
        return await ComputeAsync(db, targets?.Distinct().ToList() ?? [], ct);
    }

    internal async Task<AttributionReport> ComputeAsync(Epic16Context db, IReadOnlyCollection<long> prospectIds, CancellationToken ct)
    {
        var touches = await AbmData.ProspectTouchesAsync(db, prospectIds, ct);
        await using var crm = await platform.CreateDbContextAsync(ct);
        var values = await AbmData.ValuesAsync(db, crm, prospectIds, ct);
        var converted = values.Values.Where(v => v.Status == Acquisition.Prospects.ProspectStatus.Converted).Select(v => v.ProspectId).ToList();
        var conversions = (await db.CrmConversions.AsNoTracking().Where(c => converted.Contains(c.ProspectId))
                .Select(c => new { c.ProspectId, c.ConvertedAt }).ToListAsync(ct))
            .GroupBy(c => c.ProspectId).ToDictionary(g => g.Key, g => g.Min(c => c.ConvertedAt));
        var campaignIds = touches.Select(t => t.CampaignId).Distinct().ToList();
        var assetIds = touches.Where(t => t.AssetId != null).Select(t => t.AssetId!.Value).Distinct().ToList();
        var names = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var titles = await db.ContentAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        return AttributionMath.Compute(touches, values, conversions, names, titles, clock.GetUtcNow().UtcDateTime);
    }
}
