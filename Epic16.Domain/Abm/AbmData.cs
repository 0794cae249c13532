using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Crm;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm;

/// <summary>
/// The reads ABM's figures share. Enumerations are compared after they are read (the SQLite converters fold the legacy
/// spellings), never in SQL, so <c>'Meeting '</c> in a legacy row counts as a meeting on both stores.
/// </summary>
internal static class AbmData
{
    public static IQueryable<TouchFact> Facts(IQueryable<Touchpoint> touches) => touches.AsNoTracking()
        .Select(t => new TouchFact(t.Id, t.CampaignId, t.ProspectId, t.AssetId, t.Channel, t.ScheduledAt, t.ExecutedAt, t.Status, t.EngagementScore));

    public static Task<List<TouchFact>> CampaignTouchesAsync(Epic16Context db, long campaignId, CancellationToken ct) =>
        Facts(db.Touchpoints.Where(t => t.CampaignId == campaignId)).ToListAsync(ct);

    public static Task<List<TouchFact>> ProspectTouchesAsync(Epic16Context db, IReadOnlyCollection<long> prospectIds, CancellationToken ct) =>
        Facts(db.Touchpoints.Where(t => prospectIds.Contains(t.ProspectId))).ToListAsync(ct);

    /// <summary>The legacy daily metrics summed per campaign; a campaign without any is absent (use <see cref="DailyTotals.None"/>).</summary>
    public static Task<Dictionary<long, DailyTotals>> DailyTotalsAsync(Epic16Context db, IReadOnlyCollection<long> campaignIds, CancellationToken ct) =>
        db.CampaignPerformance.AsNoTracking().Where(p => campaignIds.Contains(p.CampaignId))
            .GroupBy(p => p.CampaignId)
            .Select(g => new
            {
                g.Key,
                Totals = new DailyTotals(g.Count(), g.Sum(p => (long?)p.Impressions) ?? 0, g.Sum(p => (long?)p.Clicks) ?? 0, g.Sum(p => (long?)p.Engagements) ?? 0,
                    g.Sum(p => p.MeetingsBooked) ?? 0, g.Sum(p => p.PipelineInfluencedUsd) ?? 0m, g.Sum(p => p.CostUsd) ?? 0m),
            })
            .ToDictionaryAsync(d => d.Key, d => d.Totals, ct);

    /// <summary>Every asked-for prospect gets a value; a quarantined or missing one has no company and no value.</summary>
    public static async Task<Dictionary<long, ProspectValue>> ValuesAsync(
        Epic16Context db, PlatformContext? platform, IReadOnlyCollection<long> prospectIds, CancellationToken ct)
    {
        var ids = prospectIds.Distinct().ToList();
        var rows = await db.Prospects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.CompanyName, p.Status, p.EstimatedArrUsd }).ToListAsync(ct);
        var deals = new Dictionary<long, decimal>();
        var converted = rows.Where(r => r.Status == ProspectStatus.Converted).Select(r => Epic7Pipeline.ConversionSource(r.Id)).ToList();
        if (platform is not null && converted.Count > 0)
        {
            var found = await platform.CrmDeals.AsNoTracking().Where(d => d.Source != null && converted.Contains(d.Source))
                .Select(d => new { d.Source, d.ValueUsd }).ToListAsync(ct);
            foreach (var deal in found)
            {
                var id = long.Parse(deal.Source![Epic7Pipeline.ConversionSourcePrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
                deals[id] = deals.GetValueOrDefault(id) + deal.ValueUsd;
            }
        }

        var byId = rows.ToDictionary(r => r.Id);
        return ids.ToDictionary(id => id, id => byId.TryGetValue(id, out var p)
            ? new ProspectValue(id, p.CompanyName, p.Status, p.EstimatedArrUsd, deals.TryGetValue(id, out var deal) ? deal : null)
            : new ProspectValue(id, null, null, null, null));
    }

    public static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
