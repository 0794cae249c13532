using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Common;

namespace Epic16.Domain.Acquisition.PipelineBoard;

/// <summary>The pipeline's headline numbers, computed the same way on either store.</summary>
public sealed record PipelineFigures(int Prospects, decimal OpenPipelineUsd, decimal WeightedPipelineUsd, decimal EstimatedArrUsd, decimal AverageLeadScore)
{
    // Aggregated in memory after a narrow projection: SQLite cannot SUM a decimal, and the same code must run on both.
    public static async Task<PipelineFigures> ComputeAsync(Epic16Context db, CancellationToken ct = default)
    {
        var rows = await db.Prospects.AsNoTracking().Select(p => new { p.Status, p.EstimatedArrUsd, p.LeadScore }).ToListAsync(ct);
        var open = rows.Where(r => StageProbability.IsOpen(r.Status)).ToList();
        var scored = rows.Where(r => r.LeadScore is not null).Select(r => r.LeadScore!.Value).ToList();
        return new PipelineFigures(
            rows.Count,
            open.Sum(r => r.EstimatedArrUsd ?? 0),
            Money.Cents(open.Sum(r => (r.EstimatedArrUsd ?? 0) * StageProbability.Of(r.Status))),
            rows.Sum(r => r.EstimatedArrUsd ?? 0),
            scored.Count == 0 ? 0 : Rounding.HalfAwayFromZero(scored.Average(), 2));
    }
}
