using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;
using Epic16.Domain.Abm.Performance;
using Epic16.Domain.Abm.Touchpoints;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm.Campaigns;

/// <summary>
/// Campaigns: the list with its KPI columns, validated create and edit (stale edits refused), status moves by
/// <see cref="CampaignStatuses"/>, and the target-account picker. Sales and Admin write; Executives read.
/// </summary>
public sealed class CampaignService(IStoreRouter router, TimeProvider clock)
{
    public const int MaxPicks = 50;

    public async Task<PagedResult<CampaignRow>> ListAsync(ICurrentUser user, CampaignQuery query, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var (slice, total, page, pageSize) = await PageAsync(db, query, ct);
        var ids = slice.Select(c => c.Id).ToList();

        var targets = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.TargetAccounts }).ToListAsync(ct);
        var groups = await db.Touchpoints.AsNoTracking().Where(t => ids.Contains(t.CampaignId))
            .GroupBy(t => new { t.CampaignId, t.ProspectId, t.Status })
            .Select(g => new { g.Key.CampaignId, g.Key.ProspectId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var spend = await DailyCostsAsync(db, ids, ct);

        var rows = slice.Select(c =>
        {
            var mine = groups.Where(g => g.CampaignId == c.Id).ToList();
            var delivered = mine.Where(g => TouchpointStatuses.IsDelivered(g.Status)).Sum(g => g.Count);
            var engaged = mine.Where(g => TouchpointStatuses.IsEngaged(g.Status)).ToList();
            var meetings = mine.Where(g => g.Status == TouchpointStatuses.Meeting).Sum(g => g.Count);
            var cost = Money.Cents(spend.TryGetValue(c.Id, out var s) ? s : c.BudgetUsd ?? 0m);
            return new CampaignRow(c.Id, c.Name, c.Tier, c.Status, c.Owner, c.StartDate, c.EndDate, c.BudgetUsd,
                targets.Single(t => t.Id == c.Id).TargetAccounts?.Distinct().Count() ?? 0, mine.Sum(g => g.Count),
                engaged.Select(g => g.ProspectId).Distinct().Count(), CampaignFigureMath.Percent(engaged.Sum(g => g.Count), delivered),
                meetings, CampaignFigureMath.Per(cost, meetings));
        }).ToList();
        return new PagedResult<CampaignRow>(rows, total, page, pageSize);
    }

    /// <summary>The id and name of each campaign on one page of the list (its filters and order), for figures that compute their own.</summary>
    public async Task<IReadOnlyList<CampaignName>> PageNamesAsync(ICurrentUser user, CampaignQuery query, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var (slice, _, _, _) = await PageAsync(db, query, ct);
        return [.. slice.Select(c => new CampaignName(c.Id, c.Name))];
    }

    private static async Task<(List<CampaignHead> Slice, int Total, int Page, int PageSize)> PageAsync(Epic16Context db, CampaignQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, CampaignQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var (slice, total) = db.Store == StoreKind.Postgres
            ? await PageInSqlAsync(db, query, page, pageSize, ct)
            : await PageInMemoryAsync(db, query, page, pageSize, ct);
        return (slice, total, page, pageSize);
    }

    // PostgreSQL filters, orders and pages (its values are canonical): one page of rows, not every campaign.
    private static async Task<(List<CampaignHead> Slice, int Total)> PageInSqlAsync(Epic16Context db, CampaignQuery query, int page, int pageSize, CancellationToken ct)
    {
        var campaigns = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + LikePattern.Escape(query.Search.Trim()) + "%";
            campaigns = campaigns.Where(c => EF.Functions.ILike(c.Name, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(c.Owner!, pattern, LikePattern.EscapeCharacter));
        }

        if (!string.IsNullOrEmpty(query.Status))
        {
            campaigns = campaigns.Where(c => c.Status == query.Status);
        }

        if (!string.IsNullOrEmpty(query.Tier))
        {
            campaigns = campaigns.Where(c => c.Tier == query.Tier);
        }

        var total = await campaigns.CountAsync(ct);
        var slice = await campaigns.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CampaignHead(c.Id, c.Name, c.Tier, c.Status, c.Owner, c.StartDate, c.EndDate, c.BudgetUsd, c.CreatedAt)).ToListAsync(ct);
        return (slice, total);
    }

    // The legacy files: a few thousand narrow rows filtered and ordered here, where enum spellings and timestamp forms are already read.
    private static async Task<(List<CampaignHead> Slice, int Total)> PageInMemoryAsync(Epic16Context db, CampaignQuery query, int page, int pageSize, CancellationToken ct)
    {
        var all = await db.Campaigns.AsNoTracking()
            .Select(c => new CampaignHead(c.Id, c.Name, c.Tier, c.Status, c.Owner, c.StartDate, c.EndDate, c.BudgetUsd, c.CreatedAt))
            .ToListAsync(ct);
        var text = query.Search?.Trim();
        var matching = all
            .Where(c => string.IsNullOrEmpty(text) || c.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (c.Owner?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            .Where(c => string.IsNullOrEmpty(query.Status) || c.Status == query.Status)
            .Where(c => string.IsNullOrEmpty(query.Tier) || c.Tier == query.Tier)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ToList();
        return (matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count);
    }

    private sealed record CampaignHead(long Id, string Name, string Tier, string Status, string? Owner, DateOnly? StartDate, DateOnly? EndDate, decimal? BudgetUsd, DateTime CreatedAt);

    public async Task<CampaignDetail> GetAsync(ICurrentUser user, long id, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new KeyNotFoundException($"There is no campaign with id {id}.");
        return await DetailAsync(db, campaign, ct);
    }

    /// <summary>
    /// Creates a campaign (<paramref name="id"/> null) or saves an edit made on the copy read at <paramref name="expectedUpdatedAt"/>.
    /// Invalid input throws <see cref="CampaignValidationException"/> and saves nothing.
    /// </summary>
    public async Task<CampaignDetail> SaveAsync(ICurrentUser user, long? id, CampaignInput input, DateTime? expectedUpdatedAt, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        var problems = CampaignValidator.Validate(input).ToList();
        await using var db = await router.CreateContextAsync(ct);
        Campaign? campaign = null;
        if (id is not null)
        {
            campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException($"There is no campaign with id {id}.");
            if (campaign.UpdatedAt != expectedUpdatedAt)
            {
                throw new CampaignConcurrencyException(
                    $"\"{campaign.Name}\" was changed by someone else at {campaign.UpdatedAt:yyyy-MM-dd HH:mm:ss} UTC after you opened it. Reload it and make your change again; nothing was overwritten.");
            }
        }

        // Accounts already targeted stay even when their prospect is quarantined; new ones must be readable prospects.
        var kept = campaign?.TargetAccounts ?? [];
        var added = input.TargetAccounts.Distinct().Where(t => !kept.Contains(t)).ToList();
        var found = await db.Prospects.AsNoTracking().Where(p => added.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var missing = added.Except(found).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(nameof(CampaignInput.TargetAccounts), $"No prospect with id {string.Join(", ", missing.Take(10))}: pick target accounts from the prospects."));
        }

        if (problems.Count > 0)
        {
            throw new CampaignValidationException(problems);
        }

        var now = clock.UtcNowMicroseconds();
        if (campaign is null)
        {
            campaign = new Campaign { Status = CampaignStatuses.Planned, CreatedAt = now };
            db.Campaigns.Add(campaign);
        }

        campaign.Name = input.Name.Trim();
        campaign.Tier = input.Tier;
        campaign.TargetAccounts = [.. input.TargetAccounts.Distinct()];
        campaign.Channels = [.. input.Channels.Distinct()];
        campaign.BudgetUsd = input.BudgetUsd is { } budget ? Money.Cents(budget) : null;
        campaign.StartDate = input.StartDate;
        campaign.EndDate = input.EndDate;
        campaign.Owner = string.IsNullOrWhiteSpace(input.Owner) ? null : input.Owner.Trim();
        campaign.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return await DetailAsync(db, campaign, ct);
    }

    /// <summary>Moves the status if <see cref="CampaignStatuses"/> allows it; a refusal comes back with the allowed moves, not thrown.</summary>
    public async Task<StageMoveResult> MoveStatusAsync(ICurrentUser user, long id, string toStatus, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException($"There is no campaign with id {id}.");
        var result = CampaignStatuses.Check(campaign.Status, toStatus);
        if (!result.Allowed)
        {
            return result;
        }

        campaign.Status = toStatus;
        campaign.UpdatedAt = clock.UtcNowMicroseconds();
        await db.SaveChangesAsync(ct);
        return result with { MovedAt = campaign.UpdatedAt };
    }

    /// <summary>
    /// The target-account picker: prospects whose company starts with the text first (served by the company-name index),
    /// then those containing it, at most <paramref name="take"/>, skipping <paramref name="exclude"/>.
    /// </summary>
    public async Task<IReadOnlyList<ProspectPick>> SearchProspectsAsync(
        ICurrentUser user, string? text, IReadOnlyCollection<long>? exclude = null, int take = 20, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        take = Math.Clamp(take, 1, MaxPicks);
        var skip = exclude?.ToList() ?? [];
        await using var db = await router.CreateContextAsync(ct);
        var prospects = db.Prospects.AsNoTracking().Where(p => !skip.Contains(p.Id));
        var needle = text?.Trim() ?? "";
        if (needle.Length == 0)
        {
            return await Pick(prospects.OrderBy(p => p.FortuneRank == null).ThenBy(p => p.FortuneRank).ThenBy(p => p.Id), take).ToListAsync(ct);
        }

        var lower = needle.ToLowerInvariant();
        var starting = await Pick(prospects.Where(p => p.CompanyName.StartsWith(needle)).OrderBy(p => p.CompanyName).ThenBy(p => p.Id), take).ToListAsync(ct);
        if (starting.Count >= take)
        {
            return starting;
        }

        var seen = starting.Select(p => p.Id).ToList();
        var containing = await Pick(prospects.Where(p => !seen.Contains(p.Id) && p.CompanyName.ToLower().Contains(lower))
            .OrderBy(p => p.Id), take - starting.Count).ToListAsync(ct);
        return [.. starting, .. containing];
    }

    private static IQueryable<ProspectPick> Pick(IQueryable<Prospect> prospects, int take) =>
        prospects.Take(take).Select(p => new ProspectPick(p.Id, p.CompanyName, p.Industry, p.FortuneRank, p.EstimatedArrUsd));

    internal static async Task<Dictionary<long, decimal>> DailyCostsAsync(Epic16Context db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await db.CampaignPerformance.AsNoTracking().Where(p => ids.Contains(p.CampaignId))
            .GroupBy(p => p.CampaignId).Select(g => new { Id = g.Key, Cost = g.Sum(p => p.CostUsd) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Cost ?? 0m);
    }

    private static async Task<CampaignDetail> DetailAsync(Epic16Context db, Campaign c, CancellationToken ct)
    {
        var ids = c.TargetAccounts?.Distinct().ToList() ?? [];
        var prospects = await db.Prospects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new TargetAccount(p.Id, p.CompanyName, p.Status, p.EstimatedArrUsd)).ToListAsync(ct);
        var byId = prospects.ToDictionary(p => p.ProspectId);
        var targets = ids.Select(id => byId.TryGetValue(id, out var p) ? p : new TargetAccount(id, null, null, null))
            .OrderBy(t => t.Company is null).ThenBy(t => t.Company, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.ProspectId).ToList();
        // Channels live in a JSON list, which the enum converters do not see: a legacy 'LinkedIn' reads as linkedin here.
        var channels = (c.Channels ?? []).Select(ch => AbmVocabulary.TouchpointChannels.FirstOrDefault(w => w == ch.Trim().ToLowerInvariant()) ?? ch).Distinct().ToList();
        return new CampaignDetail(c.Id, c.Name, c.Tier, c.Status, targets, channels, c.BudgetUsd, c.StartDate, c.EndDate, c.Owner,
            c.CreatedAt, c.UpdatedAt, CampaignStatuses.TargetsFrom(c.Status));
    }
}
