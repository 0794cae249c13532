using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>
/// What the model knows happened to a prospect, newest first: its creation and last change, the lines of its notes
/// (stage losses are written there), score snapshots, sequence steps, ABM touchpoints, business cases, ROI months and
/// CRM conversions. There is no separate stage-history table, so stage moves show only through these traces.
/// </summary>
public sealed class ProspectActivityService(IStoreRouter router)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>
    /// One page of the prospect's activity, newest first. The sources that grow without bound (score snapshots, sequence
    /// steps, ABM touchpoints) are counted in the database and read only as far as the page reaches (newest by id, as the
    /// legacy dates are text); the merge and the final order by date happen here.
    /// </summary>
    public async Task<PagedResult<ActivityEntry>> ForProspectAsync(ICurrentUser user, long prospectId, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var reach = page * pageSize;
        await using var db = await router.CreateContextAsync(ct);
        var prospect = await db.Prospects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == prospectId, ct)
            ?? throw new KeyNotFoundException($"There is no prospect with id {prospectId}.");

        var entries = new List<ActivityEntry> { new(prospect.CreatedAt, "created", $"{prospect.CompanyName} added to the pipeline.") };
        if (prospect.UpdatedAt is { } updated && updated != prospect.CreatedAt)
        {
            entries.Add(new(updated, "updated", $"Last changed; now {prospect.Status}."));
        }

        foreach (var line in (prospect.Notes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            entries.Add(new(null, line.StartsWith("Lost: ", StringComparison.Ordinal) ? "lost" : "note", line));
        }

        var total = 0;
        var scoreRows = db.LeadScores.AsNoTracking().Where(s => s.ProspectId == prospectId);
        total += await scoreRows.CountAsync(ct);
        var scores = await scoreRows.OrderByDescending(s => s.Id).Take(reach).ToListAsync(ct);
        entries.AddRange(scores.Select(s => new ActivityEntry(s.ScoredAt, "score", $"Scored {s.Score:0.##} ({s.ModelVersion ?? "unknown model"}).")));

        var stepRows = db.SequenceSteps.AsNoTracking().Where(s => s.ProspectId == prospectId);
        total += await stepRows.CountAsync(ct);
        var steps = await stepRows.OrderByDescending(s => s.Id).Take(reach).ToListAsync(ct);
        entries.AddRange(steps.Select(s => new ActivityEntry(s.SentAt ?? s.ScheduledAt ?? s.CreatedAt, "sequence",
            $"{s.SequenceName} step {s.StepNumber} ({s.Channel}) {s.Status}{(string.IsNullOrWhiteSpace(s.Subject) ? "" : $": {s.Subject}")}.")));

        var touchRows = db.Touchpoints.AsNoTracking().Where(t => t.ProspectId == prospectId);
        total += await touchRows.CountAsync(ct);
        var touchpoints = await touchRows.OrderByDescending(t => t.Id).Take(reach).ToListAsync(ct);
        entries.AddRange(touchpoints.Select(t => new ActivityEntry(t.ExecutedAt ?? t.ScheduledAt, "touchpoint",
            $"ABM {t.Channel} touchpoint {t.Status}{(string.IsNullOrWhiteSpace(t.Notes) ? "" : $": {t.Notes}")}.")));

        // A handful per prospect at most: read whole.
        var cases = await db.BusinessCases.AsNoTracking().Where(c => c.ProspectId == prospectId).ToListAsync(ct);
        entries.AddRange(cases.Select(c => new ActivityEntry(c.UpdatedAt ?? c.CreatedAt, "business case", $"Business case \"{c.Title}\" {c.Status}.")));

        var roi = await db.RoiEntries.AsNoTracking().Where(r => r.ProspectId == prospectId).ToListAsync(ct);
        entries.AddRange(roi.Select(r => new ActivityEntry(r.RecordedAt, "roi", $"ROI {r.Period}: invested {r.InvestedUsd:N2} USD, realized {r.RealizedValueUsd:N2} USD.")));

        var conversions = await db.CrmConversions.AsNoTracking().Where(c => c.ProspectId == prospectId).ToListAsync(ct);
        entries.AddRange(conversions.Select(c => new ActivityEntry(c.ConvertedAt, "converted", $"{c.DecisionMakerEmail} became CRM contact #{c.CrmContactId}.")));
        total += entries.Count - scores.Count - steps.Count - touchpoints.Count;

        // Undated notes first (they have no time to sort by), then newest first; sorted here, as legacy dates are text.
        var ordered = entries.OrderBy(e => e.At is not null).ThenByDescending(e => e.At).ThenBy(e => e.Kind, StringComparer.Ordinal);
        return new PagedResult<ActivityEntry>([.. ordered.Skip((page - 1) * pageSize).Take(pageSize)], total, page, pageSize);
    }
}
