using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.PipelineBoard;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// The numbers the business relies on, computed by the same code on a store's context: the pipeline, every
/// business case's NPV and ROI, every client's latest health score. Comparing two stores' figures is the
/// "calculation" check of the rollback triggers.
/// </summary>
public sealed record BusinessFigures(PipelineFigures Pipeline, IReadOnlyDictionary<long, RoiResult> Cases, IReadOnlyDictionary<long, decimal?> LatestHealth)
{
    public static async Task<BusinessFigures> ComputeAsync(Epic16Context db, CancellationToken ct = default)
    {
        var pipeline = await PipelineFigures.ComputeAsync(db, ct);
        var cases = (await db.BusinessCases.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Id, RoiCalculator.For);
        var latest = (await db.HealthMetrics.AsNoTracking().Select(h => new { h.ClientId, h.MetricDate, h.HealthScore }).ToListAsync(ct))
            .GroupBy(h => h.ClientId)
            .ToDictionary(g => g.Key, g => g.MaxBy(h => h.MetricDate)!.HealthScore);
        return new BusinessFigures(pipeline, cases, latest);
    }

    /// <summary>Figure by figure; per-case and per-client values are compared one by one and reported as the share that agrees.</summary>
    public static IReadOnlyList<BusinessFigure> Compare(BusinessFigures sqlite, BusinessFigures postgres, decimal epic7PipelineUsd) =>
    [
        new("open_pipeline_usd", sqlite.Pipeline.OpenPipelineUsd, postgres.Pipeline.OpenPipelineUsd),
        new("weighted_pipeline_usd", sqlite.Pipeline.WeightedPipelineUsd, postgres.Pipeline.WeightedPipelineUsd),
        new("estimated_arr_usd", sqlite.Pipeline.EstimatedArrUsd, postgres.Pipeline.EstimatedArrUsd),
        new("average_lead_score", sqlite.Pipeline.AverageLeadScore, postgres.Pipeline.AverageLeadScore),
        new("business_cases_npv_usd", sqlite.Cases.Values.Sum(c => c.NpvUsd), postgres.Cases.Values.Sum(c => c.NpvUsd)),
        new("business_cases_agreeing_npv_roi", sqlite.Cases.Count, sqlite.Cases.Count(c => postgres.Cases.TryGetValue(c.Key, out var p) && p == c.Value)),
        new("latest_health_score_sum", sqlite.LatestHealth.Values.Sum(v => v ?? 0), postgres.LatestHealth.Values.Sum(v => v ?? 0)),
        new("clients_agreeing_latest_health", sqlite.LatestHealth.Count, sqlite.LatestHealth.Count(c => postgres.LatestHealth.TryGetValue(c.Key, out var p) && p == c.Value)),
        new("epic7_open_pipeline_usd", epic7PipelineUsd, epic7PipelineUsd),
    ];
}
