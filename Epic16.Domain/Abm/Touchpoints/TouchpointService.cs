using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>
/// Touchpoints: plan a cadence for a campaign's target accounts (preview, then one all-or-nothing save), add one touch,
/// reschedule one or many, record outcomes by <see cref="TouchpointStatuses"/>, and the paged list. Refusals name the field
/// and save nothing.
/// </summary>
public sealed class TouchpointService(IStoreRouter router, TimeProvider clock)
{
    public const int PreviewRows = 200;
    public const int MaxShiftDays = 365;

    public async Task<CadencePreview> PreviewCadenceAsync(ICurrentUser user, long campaignId, CadencePlanInput plan, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var (preview, _) = await CadenceBuilder.BuildAsync(db, campaignId, plan, ct);
        return preview;
    }

    /// <summary>Creates every touch of the cadence in one save (one transaction), or none. Returns how many were created.</summary>
    public async Task<int> PlanCadenceAsync(ICurrentUser user, long campaignId, CadencePlanInput plan, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var (_, touches) = await CadenceBuilder.BuildAsync(db, campaignId, plan, ct);
        db.Touchpoints.AddRange(touches);
        await db.SaveChangesAsync(ct);
        return touches.Count;
    }

    public async Task<TouchpointRow> AddAsync(ICurrentUser user, TouchpointInput input, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var problems = new List<ValidationProblem>();
        var campaign = await TouchpointRules.CampaignAsync(db, input.CampaignId, problems, ct);
        if (campaign is not null && !(campaign.TargetAccounts ?? []).Contains(input.ProspectId))
        {
            problems.Add(new(nameof(TouchpointInput.ProspectId), $"Prospect {input.ProspectId} is not a target account of \"{campaign.Name}\"; add it to the campaign's targets first."));
        }
        else if (!await db.Prospects.AnyAsync(p => p.Id == input.ProspectId, ct))
        {
            problems.Add(new(nameof(TouchpointInput.ProspectId), $"Prospect {input.ProspectId} cannot be read (quarantined or missing)."));
        }

        TouchpointRules.CheckChannel(input.Channel, nameof(TouchpointInput.Channel), problems);
        await TouchpointRules.CheckAssetsAsync(db, [(input.AssetId, nameof(TouchpointInput.AssetId))], problems, ct);
        if (input.ScheduledAt is null)
        {
            problems.Add(new(nameof(TouchpointInput.ScheduledAt), "Say when the touch is scheduled."));
        }

        TouchpointRules.ThrowIfAny(problems);
        var touch = new Touchpoint
        {
            CampaignId = input.CampaignId, ProspectId = input.ProspectId, Channel = input.Channel, AssetId = input.AssetId,
            ScheduledAt = input.ScheduledAt!.Value.ToUtcMicroseconds(), Status = TouchpointStatuses.Scheduled, Notes = Blank(input.Notes),
        };
        db.Touchpoints.Add(touch);
        await db.SaveChangesAsync(ct);
        return await RowAsync(db, touch.Id, ct);
    }

    /// <summary>Moves scheduled touches by whole days (negative: earlier). All or none: one that is not scheduled any more refuses the lot.</summary>
    public async Task<int> RescheduleAsync(ICurrentUser user, IReadOnlyCollection<long> touchIds, int shiftDays, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        var problems = new List<ValidationProblem>();
        if (shiftDays == 0 || Math.Abs(shiftDays) > MaxShiftDays)
        {
            problems.Add(new("ShiftDays", $"Shift by 1 to {MaxShiftDays} days, earlier or later (not 0)."));
        }

        if (touchIds.Count == 0)
        {
            problems.Add(new("Touchpoints", "Select the touches to reschedule."));
        }

        TouchpointRules.ThrowIfAny(problems);
        await using var db = await router.CreateContextAsync(ct);
        var ids = touchIds.Distinct().ToList();
        var touches = await db.Touchpoints.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        var missing = ids.Except(touches.Select(t => t.Id)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new("Touchpoints", $"No touch with id {string.Join(", ", missing.Take(10))}."));
        }

        var done = touches.Where(t => t.Status != TouchpointStatuses.Scheduled).ToList();
        if (done.Count > 0)
        {
            problems.Add(new("Touchpoints", $"Only scheduled touches can be rescheduled; {done.Count} of the selected already have an outcome (e.g. #{done[0].Id} is {done[0].Status})."));
        }

        var undated = touches.Where(t => t.ScheduledAt is null).ToList();
        if (undated.Count > 0)
        {
            problems.Add(new("Touchpoints", $"Touch #{undated[0].Id} has no scheduled time to shift; edit it instead."));
        }

        TouchpointRules.ThrowIfAny(problems);
        foreach (var touch in touches)
        {
            touch.ScheduledAt = touch.ScheduledAt!.Value.AddDays(shiftDays);
        }

        await db.SaveChangesAsync(ct);
        return touches.Count;
    }

    public async Task<TouchpointRow> RecordOutcomeAsync(ICurrentUser user, long touchId, TouchpointOutcome outcome, CancellationToken ct = default)
    {
        AbmAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var touch = await db.Touchpoints.SingleOrDefaultAsync(t => t.Id == touchId, ct) ?? throw new KeyNotFoundException($"There is no touch with id {touchId}.");
        var problems = new List<ValidationProblem>();
        if (TouchpointStatuses.Why(touch.Status, outcome.Status) is { } why)
        {
            problems.Add(new(nameof(TouchpointOutcome.Status), why));
        }

        if (outcome.EngagementScore is < 0 or > 100)
        {
            problems.Add(new(nameof(TouchpointOutcome.EngagementScore), "The engagement score is 0 to 100."));
        }

        TouchpointRules.ThrowIfAny(problems);
        touch.Status = outcome.Status;
        if (outcome.Status != TouchpointStatuses.Cancelled)
        {
            touch.ExecutedAt = (outcome.ExecutedAt ?? touch.ExecutedAt ?? clock.UtcNowMicroseconds()).ToUtcMicroseconds();
        }

        touch.EngagementScore = decimal.Round(outcome.EngagementScore ?? TouchpointStatuses.DefaultScore(outcome.Status), 2, MidpointRounding.AwayFromZero);
        if (!string.IsNullOrWhiteSpace(outcome.Notes))
        {
            touch.Notes = outcome.Notes.Trim();
        }

        await db.SaveChangesAsync(ct);
        return await RowAsync(db, touch.Id, ct);
    }

    public async Task<TouchpointRow> GetAsync(ICurrentUser user, long touchId, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        return await RowAsync(db, touchId, ct);
    }

    /// <summary>
    /// One page, newest first (by executed, else scheduled time; undated last; id breaks ties). PostgreSQL filters, sorts and
    /// pages in SQL; on the legacy files (mixed timestamp forms and enum spellings) the filtered touches are sorted after reading.
    /// </summary>
    public async Task<PagedResult<TouchpointRow>> ListAsync(ICurrentUser user, TouchpointQuery query, CancellationToken ct = default)
    {
        AbmAccess.DemandRead(user);
        var pageSize = Math.Clamp(query.PageSize, 1, TouchpointQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        await using var db = await router.CreateContextAsync(ct);
        var touches = db.Touchpoints.AsNoTracking();
        if (query.CampaignId is { } campaignId)
        {
            touches = touches.Where(t => t.CampaignId == campaignId);
        }

        if (query.ProspectId is { } prospectId)
        {
            touches = touches.Where(t => t.ProspectId == prospectId);
        }

        List<long> ids;
        int total;
        if (db.Store == StoreKind.Postgres)
        {
            if (!string.IsNullOrEmpty(query.Status))
            {
                touches = touches.Where(t => t.Status == query.Status);
            }

            if (!string.IsNullOrEmpty(query.Channel))
            {
                touches = touches.Where(t => t.Channel == query.Channel);
            }

            if (query.From is { } from)
            {
                touches = touches.Where(t => (t.ExecutedAt ?? t.ScheduledAt) >= from);
            }

            if (query.To is { } to)
            {
                touches = touches.Where(t => (t.ExecutedAt ?? t.ScheduledAt) < to);
            }

            total = await touches.CountAsync(ct);
            ids = await LatestFirst(touches).Skip((page - 1) * pageSize).Take(pageSize).Select(t => t.Id).ToListAsync(ct);
        }
        else
        {
            var facts = (await AbmData.Facts(touches).ToListAsync(ct))
                .Where(t => string.IsNullOrEmpty(query.Status) || t.Status == query.Status)
                .Where(t => string.IsNullOrEmpty(query.Channel) || t.Channel == query.Channel)
                .Where(t => query.From is not { } from || t.At >= from)
                .Where(t => query.To is not { } to || t.At < to)
                .ToList();
            total = facts.Count;
            ids = [.. facts.OrderBy(t => t.At is null).ThenByDescending(t => t.At).ThenByDescending(t => t.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(t => t.Id)];
        }

        var rows = await RowsAsync(db, ids, ct);
        return new PagedResult<TouchpointRow>([.. ids.Select(id => rows[id])], total, page, pageSize);
    }

    /// <summary>The list's order in SQL, latest first (undated last); PostgreSQL serves it from ix_abm_touchpoints_latest, whose expressions are these.</summary>
    internal static IOrderedQueryable<Touchpoint> LatestFirst(IQueryable<Touchpoint> touches) =>
        touches.OrderBy(t => (t.ExecutedAt ?? t.ScheduledAt) == null).ThenByDescending(t => t.ExecutedAt ?? t.ScheduledAt).ThenByDescending(t => t.Id);

    internal static async Task<Dictionary<long, TouchpointRow>> RowsAsync(Epic16Context db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var touches = await db.Touchpoints.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        var campaignIds = touches.Select(t => t.CampaignId).Distinct().ToList();
        var prospectIds = touches.Select(t => t.ProspectId).Distinct().ToList();
        var assetIds = touches.Where(t => t.AssetId != null).Select(t => t.AssetId!.Value).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var companies = await db.Prospects.AsNoTracking().Where(p => prospectIds.Contains(p.Id)).Select(p => new { p.Id, p.CompanyName }).ToDictionaryAsync(p => p.Id, p => p.CompanyName, ct);
        var assets = await db.ContentAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        return touches.ToDictionary(t => t.Id, t => new TouchpointRow(
            t.Id, t.CampaignId, campaigns.GetValueOrDefault(t.CampaignId), t.ProspectId, companies.GetValueOrDefault(t.ProspectId), t.Channel,
            t.AssetId, t.AssetId is { } a ? assets.GetValueOrDefault(a) : null, t.ScheduledAt, t.ExecutedAt, t.Status, t.EngagementScore, t.Notes));
    }

    private static async Task<TouchpointRow> RowAsync(Epic16Context db, long id, CancellationToken ct) =>
        (await RowsAsync(db, [id], ct)).GetValueOrDefault(id) ?? throw new KeyNotFoundException($"There is no touch with id {id}.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
