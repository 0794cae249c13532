using System.Globalization;
using Epic16.Domain.Abm.Campaigns;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;
using Epic16.Domain.Common;
using Epic16.Domain.Crm;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Executive;

/// <summary>
/// The executive page's figures for one filter: KPI cards with their definitions and chart series aggregated in SQL or here
/// (never raw rows to the page): the pipeline counted and summed per stage and month in SQL (<see cref="PipelineQuery"/>), the
/// business cases and ROI months filtered by the prospect filter in SQL, the go-live figures from only the clients and
/// milestones they use (<see cref="GoLiveQuery"/>). The rules come from their owners: stage weights from <see cref="StageProbability"/>, ROI from
/// <see cref="RoiTrackingService.RoiPercent"/>, the Epic 7 pipeline from <see cref="CrmService"/>, campaign figures from
/// <see cref="CampaignReportService"/>'s reads (batched by <see cref="CampaignFigureBatch"/>), client health from the daily snapshots (<see cref="HealthFigures"/>), go-live from the
/// milestone plans (<see cref="GoLiveMath"/>). Works the same on either store.
/// </summary>
public sealed class ExecutiveFiguresService(
    IStoreRouter router, IDbContextFactory<PlatformContext> platform, CrmService crm, CampaignService campaigns, TimeProvider clock)
{
    public const decimal ArrTargetUsd = 5_000_000m;
    public const decimal Epic7BaselineUsd = 1_158_000m;
    public const int MaxCases = 50;
    public const int MaxCampaigns = 50;

    public async Task<ExecutiveView> LoadAsync(ICurrentUser user, ExecutiveFilter filter, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.ViewExecutiveReports);
        if (filter.From is { } from && filter.To is { } to && to < from)
        {
            throw new ExecutiveFilterException("To", $"The end of the range ({to:yyyy-MM-dd}) is before its start ({from:yyyy-MM-dd}).");
        }

        // The sections do not depend on each other: each reads on its own context at once (ConcurrentReads), so the page costs
        // its slowest section (the go-live slip, which projects every open client's plan), not the sum of the seven.
        var pipelineRead = router.ReadAsync(db => PipelineQuery.LoadAsync(Filtered(db, filter), ct), ct);
        var epic7Read = crm.PipelineAsync(ct);
        var campaignsRead = CampaignsAsync(user, ct);
        var casesRead = router.ReadAsync(db => CasesAsync(db, ProspectIds(db, filter), ct), ct);
        var roiRead = router.ReadAsync(db => RoiAsync(db, ProspectIds(db, filter), ct), ct);
        var goLiveRead = Task.Run(async () =>
        {
            var clients = await GoLiveQuery.LoadAsync(router, filter, ct);
            return (Days: GoLiveMath.DaysToGoLive(clients), Slip: GoLiveMath.Slip(clients, OnboardingClock.Today(clock)));
        }, ct);
        var healthRead = platform.ReadAsync(control => HealthFigures.LoadAsync(control, filter, ct), ct);

        var (groups, cycleDays) = await pipelineRead;
        var pipeline = PipelineMath.Of(groups, cycleDays, ArrTargetUsd);
        var epic7 = await epic7Read;
        var (campaignSeries, influenced, cost) = await campaignsRead;
        var cases = await casesRead;
        var roi = await roiRead;
        var goLive = await goLiveRead;
        var health = await healthRead;

        var cards = ExecutiveCards.Of(pipeline, epic7, influenced, cost, health, goLive.Days);
        IReadOnlyList<ExecutiveSeries> charts =
        [
            pipeline.Funnel(),
            pipeline.WeightedOverTime(),
            cases,
            roi,
            campaignSeries,
            health.Distribution,
            health.Trend,
            goLive.Slip,
        ];
        return new ExecutiveView(filter, cards, charts, groups.Count > 0);
    }

    /// <summary>
    /// Only the cards the pipeline decides (open, weighted, ARR potential, coverage, win rate, cycle, velocity), from the
    /// pipeline's one GROUP BY: what an executive's home shows, without the page's other six sections.
    /// </summary>
    public async Task<IReadOnlyList<KpiCard>> PipelineCardsAsync(ICurrentUser user, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.ViewExecutiveReports);
        await using var db = await router.CreateContextAsync(ct);
        var (groups, cycleDays) = await PipelineQuery.LoadAsync(Filtered(db, new ExecutiveFilter()), ct);
        return ExecutiveCards.Pipeline(PipelineMath.Of(groups, cycleDays, ArrTargetUsd));
    }

    private static IQueryable<Prospect> Filtered(Epic16Context db, ExecutiveFilter filter)
    {
        var query = ProspectFilter.Apply(db.Prospects.AsNoTracking(), new ProspectQuery { Owner = filter.Owner, Industry = filter.Industry }, withStage: false);
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(p => p.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(p => p.CreatedAt < end);
        }

        return query;
    }

    // The filtered prospects' ids, as a subquery; none for the whole book, where the join would only cost time: a business case or
    // ROI month whose prospect is quarantined is itself quarantined (an orphan), so its own table's filter already leaves it out.
    private static IQueryable<long>? ProspectIds(Epic16Context db, ExecutiveFilter filter) =>
        filter.IsWholeBook ? null : Filtered(db, filter).Select(p => p.Id);

    // NPV and ROI of the filtered prospects' business cases, best NPV first (at most MaxCases bars): filtered, ordered and cut in SQL.
    private static async Task<ExecutiveSeries> CasesAsync(Epic16Context db, IQueryable<long>? ids, CancellationToken ct)
    {
        var all = db.BusinessCases.AsNoTracking();
        var cases = await (ids is null ? all : all.Where(c => ids.Contains(c.ProspectId)))
            .OrderByDescending(c => c.NpvUsd ?? 0).ThenBy(c => c.Id).Take(MaxCases)
            .Select(c => new { c.Title, c.NpvUsd, c.RoiPercent }).ToListAsync(ct);
        return new ExecutiveSeries("cases", "NPV and ROI per business case", [.. cases.Select(c => c.Title)],
        [
            new("NPV (USD)", [.. cases.Select(c => c.NpvUsd ?? 0)]),
            new("ROI (%)", [.. cases.Select(c => c.RoiPercent ?? 0)]),
        ]);
    }

    // Invested against realised value per month, cumulative, for the filtered prospects: summed per stored period in SQL, then
    // the periods that are months (RoiTrackingService.IsPeriod) merged by their trimmed text.
    private static async Task<ExecutiveSeries> RoiAsync(Epic16Context db, IQueryable<long>? ids, CancellationToken ct)
    {
        var all = db.RoiEntries.AsNoTracking();
        var periods = await (ids is null ? all : all.Where(r => ids.Contains(r.ProspectId)))
            .GroupBy(r => r.Period)
            .Select(g => new { Period = g.Key, Invested = g.Sum(r => r.InvestedUsd), Realised = g.Sum(r => r.RealizedValueUsd) })
            .ToListAsync(ct);
        var entries = periods
            .Where(r => RoiTrackingService.IsPeriod(r.Period))
            .GroupBy(r => r.Period.Trim())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var months = new List<string>();
        var invested = new List<decimal>();
        var realised = new List<decimal>();
        decimal investedSoFar = 0, realisedSoFar = 0;
        foreach (var month in entries)
        {
            investedSoFar += Money.Cents(month.Sum(r => r.Invested));
            realisedSoFar += Money.Cents(month.Sum(r => r.Realised));
            months.Add(month.Key);
            invested.Add(investedSoFar);
            realised.Add(realisedSoFar);
        }

        return new ExecutiveSeries("roi", "Invested against realised value (cumulative)", months,
            [new("Invested (USD)", invested), new("Realised (USD)", realised)]);
    }

    // Each campaign's influenced pipeline as CampaignReportService computes it (batched); their sums for the ABM card.
    private async Task<(ExecutiveSeries Series, decimal Influenced, decimal Cost)> CampaignsAsync(ICurrentUser user, CancellationToken ct)
    {
        var list = await campaigns.PageNamesAsync(user, new CampaignQuery { PageSize = MaxCampaigns }, ct);
        var figures = await router.ReadAsync(db => platform.ReadAsync(control => CampaignFigureBatch.LoadAsync(db, control, [.. list.Select(c => c.Id)], ct), ct), ct);
        var shown = list.Where(c => figures.ContainsKey(c.Id)).ToList();
        var values = shown.Select(c => figures[c.Id].InfluencedPipelineUsd).ToList();
        return (new ExecutiveSeries("campaigns", "Attributed pipeline per campaign", [.. shown.Select(c => c.Name)], [new("Influenced pipeline (USD)", values)]),
            values.Sum(), shown.Sum(c => figures[c.Id].CostUsd));
    }

    internal static string Usd(decimal value) => Money.Cents(value).ToString("$#,##0", CultureInfo.InvariantCulture);
}
