using System.Text.Json;
using Epic16.Domain.Monitoring;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// The seed plan's 24-hour validation report read back from `migration_dual_write_hours`: per hour, every instance's
/// figures added up and the latency histograms merged before the percentiles are read.
/// </summary>
public sealed class DualWriteReport(IDbContextFactory<PlatformContext> platform)
{
    public async Task<IReadOnlyList<DualWriteHourRow>> HoursAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var rows = await db.DualWriteHours.AsNoTracking().Where(h => h.Hour >= fromUtc && h.Hour < toUtc).ToListAsync(ct);
        return rows.GroupBy(r => r.Hour).OrderBy(g => g.Key).Select(g =>
        {
            var primary = new LatencyHistogram();
            var secondary = new LatencyHistogram();
            foreach (var row in g)
            {
                primary.Add(LatencyHistogram.FromCounts(Counts(row.PrimaryLatency)));
                secondary.Add(LatencyHistogram.FromCounts(Counts(row.SecondaryLatency)));
            }

            return new DualWriteHourRow(g.Key, g.Sum(r => r.WritesMirrored), g.Sum(r => r.Failures), g.Sum(r => r.DriftFound), g.Sum(r => r.DriftRepaired),
                primary.Percentile(0.5), primary.Percentile(0.95), secondary.Percentile(0.5), secondary.Percentile(0.95));
        }).ToList();
    }

    private static long[] Counts(string json) => JsonSerializer.Deserialize<long[]>(json) ?? [];
}
