using System.Globalization;
using System.Text.RegularExpressions;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Common;

namespace Epic16.Domain.Acquisition.RoiTracking;

/// <summary>
/// Monthly acquisition spend and realized value per prospect: one row per prospect and month (recording a month again
/// updates it), money rounded to cents and never negative, and the history with cumulative totals and ROI.
/// </summary>
public sealed partial class RoiTrackingService(IStoreRouter router, TimeProvider clock)
{
    public async Task<RoiMonth> RecordMonthAsync(
        ICurrentUser user, long prospectId, string period, decimal invested, decimal realized, string? notes, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        var problems = new List<ValidationProblem>();
        var month = period?.Trim() ?? "";
        if (!PeriodPattern().IsMatch(month))
        {
            problems.Add(new("Period", $"\"{period}\" is not a month: write it as YYYY-MM, e.g. 2026-03."));
        }

        if (invested < 0)
        {
            problems.Add(new("InvestedUsd", "The amount invested cannot be negative."));
        }

        if (realized < 0)
        {
            problems.Add(new("RealizedValueUsd", "The realized value cannot be negative."));
        }

        await using var db = await router.CreateContextAsync(ct);
        if (!await db.Prospects.AsNoTracking().AnyAsync(p => p.Id == prospectId, ct))
        {
            problems.Add(new("ProspectId", $"There is no prospect with id {prospectId}."));
        }

        if (problems.Count > 0)
        {
            throw new RoiValidationException(problems);
        }

        // Legacy data may hold several rows for a month; the oldest is the one kept up to date.
        var entry = (await db.RoiEntries.Where(r => r.ProspectId == prospectId && r.Period == month).ToListAsync(ct)).MinBy(r => r.Id);
        if (entry is null)
        {
            entry = new RoiEntry { ProspectId = prospectId, Period = month };
            db.RoiEntries.Add(entry);
        }

        entry.InvestedUsd = Money.Cents(invested);
        entry.RealizedValueUsd = Money.Cents(realized);
        entry.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        entry.RecordedAt = clock.UtcNowMicroseconds();
        await db.SaveChangesAsync(ct);
        return (await HistoryAsync(user, prospectId, ct)).Single(m => m.Period == month);
    }

    /// <summary>The prospect's months, oldest first, with running totals (several legacy rows for one month are added up).</summary>
    public async Task<IReadOnlyList<RoiMonth>> HistoryAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await router.CreateContextAsync(ct);
        var rows = await db.RoiEntries.AsNoTracking().Where(r => r.ProspectId == prospectId).ToListAsync(ct);

        var months = new List<RoiMonth>();
        decimal investedSoFar = 0, realizedSoFar = 0;
        foreach (var group in rows.GroupBy(r => r.Period.Trim()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.MinBy(r => r.Id)!;
            var invested = group.Sum(r => r.InvestedUsd);
            var realized = group.Sum(r => r.RealizedValueUsd);
            investedSoFar += invested;
            realizedSoFar += realized;
            var notes = string.Join("\n", group.OrderBy(r => r.Id).Select(r => r.Notes).Where(n => !string.IsNullOrWhiteSpace(n)));
            months.Add(new RoiMonth(
                first.Id, group.Key, invested, realized, investedSoFar, realizedSoFar, RoiPercent(investedSoFar, realizedSoFar),
                notes.Length == 0 ? null : notes, group.Max(r => r.RecordedAt)));
        }

        return months;
    }

    /// <summary>(realized − invested) / invested × 100 to 2 decimals, half away from zero; null when nothing was invested.</summary>
    public static decimal? RoiPercent(decimal invested, decimal realized) =>
        invested == 0 ? null : Rounding.HalfAwayFromZero((realized - invested) / invested * 100m, 2);

    public static bool IsPeriod(string? period) => period is not null && PeriodPattern().IsMatch(period.Trim());

    /// <summary>The month of a date, as `YYYY-MM`.</summary>
    public static string PeriodOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex PeriodPattern();
}
