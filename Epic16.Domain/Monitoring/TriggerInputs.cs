using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// What the rollback triggers look at. Null means "not known yet" (no validation run, no baseline recorded), which
/// never trips a trigger on its own.
/// </summary>
/// <param name="MissingRows">Rows the store that is (or is about to become) primary lacks, with where that was seen.</param>
/// <param name="WorstFigure">The business figure with the largest variance between the stores.</param>
/// <param name="UntouchedPipelineUsd">The Epic 7 open pipeline not created by Epic 16 conversions, now.</param>
/// <param name="PipelineBaselineUsd">The same figure when it was recorded (dual-write began, or the first validation).</param>
public sealed record TriggerInputs(
    StoreMode Mode,
    DateTime Now,
    long? MissingRows,
    string MissingSource,
    BusinessFigure? WorstFigure,
    decimal? UntouchedPipelineUsd,
    decimal? PipelineBaselineUsd,
    IReadOnlyList<StoreLatency> Latencies,
    IReadOnlyList<WriteHealth> Writes);
