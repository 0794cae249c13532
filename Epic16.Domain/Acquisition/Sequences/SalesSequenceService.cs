using Epic16.Domain.Common;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.Scoring;

namespace Epic16.Domain.Acquisition.Sequences;

/// <summary>
/// Multi-step sales sequences started from a <see cref="SalesCadences"/> cadence. A prospect runs a cadence once at a
/// time (a run is active while one of its steps is still scheduled); converted or lost prospects start none. Steps go
/// scheduled → sent | skipped and sent → replied | bounced. A reply keeps the step's SentAt, which is the date
/// <see cref="LeadScoringService"/> decays the reply's engagement points from.
/// </summary>
public sealed class SalesSequenceService(IStoreRouter router, TimeProvider clock)
{
    /// <summary>The transitions a step may make; every other one is refused.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Transitions = new Dictionary<string, IReadOnlyList<string>>
    {
        [SequenceStepStatus.Scheduled] = [SequenceStepStatus.Sent, SequenceStepStatus.Skipped],
        [SequenceStepStatus.Sent] = [SequenceStepStatus.Replied, SequenceStepStatus.Bounced],
    };

    public IReadOnlyList<Cadence> Cadences => SalesCadences.All;

    /// <summary>Schedules the cadence's steps for the prospect, each at <paramref name="startDate"/> plus its day offset (midnight UTC).</summary>
    public async Task<IReadOnlyList<SequenceStepRow>> StartSequenceAsync(ICurrentUser user, long prospectId, string cadenceName, DateOnly startDate, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        var cadence = SalesCadences.Find(cadenceName)
            ?? throw new SequenceRuleException($"\"{cadenceName}\" is not a cadence; use one of {string.Join(", ", SalesCadences.All.Select(c => c.Name))}.");

        await using var db = await router.CreateContextAsync(ct);
        var prospect = await db.Prospects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == prospectId, ct)
            ?? throw new KeyNotFoundException($"There is no prospect with id {prospectId}.");
        if (prospect.Status is ProspectStatus.Converted or ProspectStatus.Lost)
        {
            throw new SequenceRuleException($"{prospect.CompanyName} is {prospect.Status}: a closed prospect gets no new sequence.");
        }

        var active = await db.SequenceSteps.AsNoTracking()
            .AnyAsync(s => s.ProspectId == prospectId && s.SequenceName == cadence.Name && LegacyEnum.Word(s.Status) == SequenceStepStatus.Scheduled, ct);
        if (active)
        {
            throw new SequenceRuleException(
                $"{prospect.CompanyName} is already running \"{cadence.Name}\": finish or skip its scheduled steps before starting it again.");
        }

        var now = clock.UtcNowMicroseconds();
        var start = startDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var steps = cadence.Steps.Select(s => new SequenceStep
        {
            ProspectId = prospectId,
            SequenceName = cadence.Name,
            StepNumber = s.Number,
            Channel = s.Channel,
            Subject = s.Subject,
            ScheduledAt = start.AddDays(s.OffsetDays),
            Status = SequenceStepStatus.Scheduled,
            CreatedAt = now,
        }).ToList();
        db.SequenceSteps.AddRange(steps);
        await db.SaveChangesAsync(ct);
        return [.. steps.Select(RowOf)];
    }

    /// <summary>Moves a step to <paramref name="status"/> if <see cref="Transitions"/> allows it; sent stamps SentAt, a response is kept.</summary>
    public async Task<SequenceStepRow> MarkStepAsync(ICurrentUser user, long stepId, string status, string? response = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var step = await db.SequenceSteps.SingleOrDefaultAsync(s => s.Id == stepId, ct)
            ?? throw new KeyNotFoundException($"There is no sequence step with id {stepId}.");

        var to = status?.Trim().ToLowerInvariant() ?? "";
        if (!SequenceStepStatus.All.Contains(to, StringComparer.Ordinal))
        {
            throw new SequenceRuleException($"\"{status}\" is not a step status; use one of {string.Join(", ", SequenceStepStatus.All)}.");
        }

        var allowed = Transitions.GetValueOrDefault(step.Status) ?? [];
        if (!allowed.Contains(to, StringComparer.Ordinal))
        {
            var options = allowed.Count == 0 ? "it is final" : $"from {step.Status} it can only become {string.Join(" or ", allowed)}";
            throw new SequenceRuleException($"Step {step.StepNumber} of \"{step.SequenceName}\" is {step.Status} and cannot become {to}: {options}.");
        }

        step.Status = to;
        if (to == SequenceStepStatus.Sent)
        {
            step.SentAt = clock.UtcNowMicroseconds();
        }

        if (!string.IsNullOrWhiteSpace(response))
        {
            step.Response = response.Trim();
        }

        await db.SaveChangesAsync(ct);
        return RowOf(step);
    }

    /// <summary>
    /// Scheduled steps due on or before <paramref name="today"/> for open prospects, optionally of one owner (ignoring case),
    /// oldest first. Dates are compared here, not in SQL: the legacy store keeps timestamps as text in mixed formats.
    /// </summary>
    public async Task<IReadOnlyList<DueStep>> DueTodayAsync(ICurrentUser user, string? owner, DateOnly today, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var query =
            from s in db.SequenceSteps.AsNoTracking()
            join p in db.Prospects.AsNoTracking() on s.ProspectId equals p.Id
            where LegacyEnum.Word(s.Status) == SequenceStepStatus.Scheduled
                && LegacyEnum.Word(p.Status) != ProspectStatus.Converted && LegacyEnum.Word(p.Status) != ProspectStatus.Lost
            select new { Step = s, p.CompanyName, p.Owner };
        var wanted = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
        if (wanted is not null)
        {
            // Narrowed in SQL (owners are e-mail addresses, ASCII, which lower() folds on both stores), matched exactly below.
            var lowered = wanted.ToLowerInvariant();
            query = query.Where(r => r.Owner != null && r.Owner.Trim().ToLower() == lowered);
        }

        var rows = await query.ToListAsync(ct);
        var endOfToday = today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return
        [
            .. rows
                .Where(r => r.Step.ScheduledAt is { } at && at < endOfToday)
                .Where(r => wanted is null || string.Equals(r.Owner?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.Step.ScheduledAt).ThenBy(r => r.CompanyName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Step.StepNumber).ThenBy(r => r.Step.Id)
                .Select(r => new DueStep(
                    r.Step.Id, r.Step.ProspectId, r.CompanyName, r.Owner, r.Step.SequenceName, r.Step.StepNumber, r.Step.Channel, r.Step.Subject,
                    r.Step.ScheduledAt, today.DayNumber - DateOnly.FromDateTime(r.Step.ScheduledAt!.Value).DayNumber)),
        ];
    }

    /// <summary>The prospect's steps of every sequence, by scheduled date (undated last), then sequence and step number.</summary>
    public async Task<IReadOnlyList<SequenceStepRow>> TimelineAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var steps = await db.SequenceSteps.AsNoTracking().Where(s => s.ProspectId == prospectId).ToListAsync(ct);
        return
        [
            .. steps.OrderBy(s => s.ScheduledAt is null).ThenBy(s => s.ScheduledAt).ThenBy(s => s.SequenceName, StringComparer.Ordinal)
                .ThenBy(s => s.StepNumber).ThenBy(s => s.Id).Select(RowOf),
        ];
    }

    private static SequenceStepRow RowOf(SequenceStep s) =>
        new(s.Id, s.ProspectId, s.SequenceName, s.StepNumber, s.Channel, s.Subject, s.ScheduledAt, s.SentAt, s.Status, s.Response);
}
