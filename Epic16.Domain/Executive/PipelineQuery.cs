using System.Globalization;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Executive;

/// <summary>
/// The pipeline figures' reads: prospects counted and summed per stage and creation month in SQL (one <c>GROUP BY</c>; a few
/// hundred rows whatever the number of prospects), and the creation and update times of the converted ones for the sales
/// cycle. The same LINQ on both stores: on PostgreSQL the month is <c>date_part</c> of the UTC timestamp; on SQLite it is
/// <c>strftime</c> of the legacy text, which cannot read epoch numbers (it gives NULL): when any group has no month, the
/// prospects are read one by one and grouped here after the converters parsed them, as before.
/// </summary>
internal static class PipelineQuery
{
    public static async Task<(IReadOnlyList<StageMonth> Groups, IReadOnlyList<double> CycleDays)> LoadAsync(IQueryable<Prospect> prospects, CancellationToken ct)
    {
        // SUM of a decimal: numeric on PostgreSQL; on SQLite EF's own decimal aggregate over the REAL column, rounded to cents
        // (as the kanban does). On SQLite the groups are the legacy spellings, each read back as its stage.
        var sums = await prospects
            .GroupBy(p => new { p.Status, Year = (int?)p.CreatedAt.Year, Month = (int?)p.CreatedAt.Month })
            .Select(g => new { g.Key.Status, g.Key.Year, g.Key.Month, Count = g.Count(), Total = g.Sum(p => p.EstimatedArrUsd) })
            .ToListAsync(ct);
        List<StageMonth> groups;
        if (sums.All(s => s.Year is not null && s.Month is not null))
        {
            groups = [.. sums.Select(s => new StageMonth(s.Status, MonthOf(s.Year!.Value, s.Month!.Value), s.Count, Money.Cents(s.Total ?? 0)))];
        }
        else
        {
            var rows = await prospects.Select(p => new { p.Status, p.CreatedAt, p.EstimatedArrUsd }).ToListAsync(ct);
            groups = [.. rows.GroupBy(r => (r.Status, Month: MonthOf(r.CreatedAt.Year, r.CreatedAt.Month)))
                .Select(g => new StageMonth(g.Key.Status, g.Key.Month, g.Count(), g.Sum(r => r.EstimatedArrUsd ?? 0)))];
        }

        var converted = await prospects.Where(p => LegacyEnum.Word(p.Status) == ProspectStatus.Converted)
            .Select(p => new { p.CreatedAt, p.UpdatedAt }).ToListAsync(ct);
        return (groups, [.. converted.Select(c => ((c.UpdatedAt ?? c.CreatedAt) - c.CreatedAt).TotalDays)]);
    }

    private static string MonthOf(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
}
