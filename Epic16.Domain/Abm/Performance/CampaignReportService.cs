using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Abm.Attribution;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Abm.Engagement;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm.Performance;

/// <summary>
/// A campaign's performance (<see cref="CampaignFigureMath"/>), its timeline a page of accounts at a time, and the accounts ×
/// weeks heat map: aggregates and pages only, never the campaign's whole touch list.
/// </summary>
public sealed class CampaignReportService(IStoreRouter router, IDbContextFactory<PlatformContext> platform, CampaignService campaigns, AttributionService attribution)
{
    public const int DefaultAccountsPerPage = 20;

    public async Task<CampaignDashboard> DashboardAsync(ICurrentUser user, long campaignId, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        var detail = await campaigns.GetAsync(user, campaignId, ct);
        await using var db = await router.CreateContextAsync(ct);
        var touches = await AbmData.CampaignTouchesAsync(db, campaignId, ct);
        var targets = detail.Targets.Select(t => t.ProspectId).ToList();
        var figures = await FiguresAsync(db, detail, touches, ct);
        var report = await attribution.ComputeAsync(db, targets, ct);
        var accounts = Accounts(detail, touches);
        return new CampaignDashboard(detail, figures, report, await TimelineAsync(db, accounts, touches, 1, DefaultAccountsPerPage, ct), HeatMapOf(accounts, touches, 1, DefaultAccountsPerPage));
    }

    public async Task<CampaignFigures> FiguresAsync(ICurrentUser user, long campaignId, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        var detail = await campaigns.GetAsync(user, campaignId, ct);
        await using var db = await router.CreateContextAsync(ct);
        return await FiguresAsync(db, detail, await AbmData.CampaignTouchesAsync(db, campaignId, ct), ct);
    }

    public async Task<TimelinePage> TimelineAsync(ICurrentUser user, long campaignId, int page, int accountsPerPage = DefaultAccountsPerPage, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        var detail = await campaigns.GetAsync(user, campaignId, ct);
        await using var db = await router.CreateContextAsync(ct);
        var touches = await AbmData.CampaignTouchesAsync(db, campaignId, ct);
        return await TimelineAsync(db, Accounts(detail, touches), touches, page, accountsPerPage, ct);
    }

    public async Task<HeatMap> HeatMapAsync(ICurrentUser user, long campaignId, int page, int accountsPerPage = DefaultAccountsPerPage, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        var detail = await campaigns.GetAsync(user, campaignId, ct);
        await using var db = await router.CreateContextAsync(ct);
        var touches = await AbmData.CampaignTouchesAsync(db, campaignId, ct);
        return HeatMapOf(Accounts(detail, touches), touches, page, accountsPerPage);
    }

    private async Task<CampaignFigures> FiguresAsync(Epic16Context db, CampaignDetail detail, List<TouchFact> touches, CancellationToken ct)
    {
        var targets = detail.Targets.Select(t => t.ProspectId).ToList();
        await using var crm = await platform.CreateDbContextAsync(ct);
        var values = await AbmData.ValuesAsync(db, crm, targets, ct);
        var daily = (await AbmData.DailyTotalsAsync(db, [detail.Id], ct)).GetValueOrDefault(detail.Id) ?? DailyTotals.None;
        return CampaignFigureMath.Compute(new CampaignWindow(targets, detail.StartDate, detail.EndDate, detail.BudgetUsd), touches, values, daily);
    }

    // Targets first by company (unreadable prospects last), then accounts touched without being targeted (legacy rows).
    private static List<TimelineAccount> Accounts(CampaignDetail detail, List<TouchFact> touches)
    {
        var accounts = detail.Targets.Select(t => new TimelineAccount(t.ProspectId, t.Label)).ToList();
        var known = accounts.Select(a => a.ProspectId).ToHashSet();
        accounts.AddRange(touches.Select(t => t.ProspectId).Where(known.Add).Order().Select(id => new TimelineAccount(id, $"Prospect #{id} (not a target)")));
        return accounts;
    }

    // One page of accounts; the asset titles are read for that page's touches only.
    private static async Task<TimelinePage> TimelineAsync(Epic16Context db, List<TimelineAccount> accounts, List<TouchFact> touches, int page, int perPage, CancellationToken ct)
    {
        perPage = Math.Clamp(perPage, 1, 100);
        page = Math.Max(page, 1);
        var slice = accounts.Skip((page - 1) * perPage).Take(perPage).ToList();
        var ids = slice.Select(a => a.ProspectId).ToHashSet();
        var mine = touches.Where(t => ids.Contains(t.ProspectId)).ToList();
        var assetIds = mine.Where(t => t.AssetId is not null).Select(t => t.AssetId!.Value).Distinct().ToList();
        var titles = assetIds.Count == 0
            ? []
            : await db.ContentAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var dated = mine.Where(t => t.At is not null).OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new TimelineTouch(t.Id, t.ProspectId, t.Channel, t.At!.Value, t.Status, t.AssetId is { } a ? titles.GetValueOrDefault(a) : null, t.Score)).ToList();
        return new TimelinePage(slice, dated, mine.Count - dated.Count, accounts.Count, page, perPage);
    }

    private static HeatMap HeatMapOf(List<TimelineAccount> accounts, List<TouchFact> touches, int page, int perPage)
    {
        perPage = Math.Clamp(perPage, 1, 100);
        var slice = accounts.Skip((Math.Max(page, 1) - 1) * perPage).Take(perPage).ToList();
        var dated = touches.Where(t => t.At is not null).ToList();
        if (dated.Count == 0)
        {
            return new HeatMap([], [.. slice.Select(a => new HeatMapRow(a.ProspectId, a.Label, []))]);
        }

        var first = WeekOf(dated.Min(t => t.At!.Value));
        var last = WeekOf(dated.Max(t => t.At!.Value));
        var weeks = new List<DateOnly>();
        for (var w = first; w <= last && weeks.Count < 104; w = w.AddDays(7))
        {
            weeks.Add(w);
        }

        var cells = dated.GroupBy(t => (t.ProspectId, Week: WeekOf(t.At!.Value))).ToDictionary(g => g.Key, g => g.Sum(t => EngagementModel.WeightOf(t.Status)));
        return new HeatMap(weeks, [.. slice.Select(a => new HeatMapRow(a.ProspectId, a.Label, [.. weeks.Select(w => cells.GetValueOrDefault((a.ProspectId, w)))]))]);
    }

    public static DateOnly WeekOf(DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
