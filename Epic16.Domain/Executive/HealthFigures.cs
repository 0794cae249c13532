using System.Globalization;
using Epic16.Domain.Common;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Executive;

/// <summary>
/// Client health from the daily snapshots (`cs_health_snapshots`), counted in SQL: the distribution and average on the last
/// day of the range with a scored snapshot, and the share of clients per band every 7 days back from it (at most <see cref="MaxTrendPoints"/>).
/// </summary>
internal sealed record HealthFigures(DateOnly? Day, decimal? Average, int Scored, int AtRisk, ExecutiveSeries Distribution, ExecutiveSeries Trend)
{
    public const int MaxTrendPoints = 104;

    public static async Task<HealthFigures> LoadAsync(PlatformContext control, ExecutiveFilter filter, CancellationToken ct)
    {
        // Days whose snapshots are all unscored (clients without data yet) are not a distribution.
        var inRange = control.HealthSnapshots.AsNoTracking().Where(s => s.Band != null);
        if (filter.From is { } from)
        {
            inRange = inRange.Where(s => s.Day >= from);
        }

        if (filter.To is { } to)
        {
            inRange = inRange.Where(s => s.Day <= to);
        }

        var last = await inRange.MaxAsync(s => (DateOnly?)s.Day, ct);
        var first = last is null ? null : await inRange.MinAsync(s => (DateOnly?)s.Day, ct);
        var days = new List<DateOnly>();
        for (var day = last; day is { } d && d >= first && days.Count < MaxTrendPoints; day = d.AddDays(-7))
        {
            days.Add(d);
        }

        var counts = days.Count == 0 ? [] : await control.HealthSnapshots.AsNoTracking()
            .Where(s => days.Contains(s.Day) && s.Band != null)
            .GroupBy(s => new { s.Day, s.Band })
            .Select(g => new { g.Key.Day, g.Key.Band, Count = g.Count(), Sum = g.Sum(s => s.Score ?? 0) })
            .ToListAsync(ct);
        days.Reverse();

        var onLast = counts.Where(c => c.Day == last).ToList();
        var scored = onLast.Sum(c => c.Count);
        var average = scored == 0 ? (decimal?)null : Rounding.HalfAwayFromZero(onLast.Sum(c => c.Sum) / scored, 1);
        var atRisk = onLast.Where(c => HealthBands.IsAtRiskOrWorse(c.Band)).Sum(c => c.Count);
        var distribution = new ExecutiveSeries("health", "Client health distribution", scored == 0 ? [] : [.. HealthBands.All.Select(HealthBands.Label)],
            [new("Clients", [.. HealthBands.All.Select(b => (decimal)onLast.Where(c => c.Band == b).Sum(c => c.Count))])],
            last is { } l ? $"Latest health of each client on {l:yyyy-MM-dd}, the last snapshot day in the range." : null);

        var perDay = counts.GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Band!, c => c.Count));
        decimal Share(DateOnly day, string band) =>
            Rounding.HalfAwayFromZero(100m * perDay[day].GetValueOrDefault(band) / perDay[day].Values.Sum(), 1);
        var shown = days.Where(perDay.ContainsKey).ToList();
        var trend = new ExecutiveSeries("healthtrend", "Client health trend (share per band)", [.. shown.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            [.. HealthBands.All.Select(b => new NamedSeries($"{HealthBands.Label(b)} (%)", [.. shown.Select(d => Share(d, b))]))],
            shown.Count == 0 ? null : $"Share of scored clients per band every 7 days back from {last:yyyy-MM-dd} ({shown.Count} points).");
        return new HealthFigures(last, average, scored, atRisk, distribution, trend);
    }
}
