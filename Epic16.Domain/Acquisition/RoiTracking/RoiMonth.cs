namespace Epic16.Domain.Acquisition.RoiTracking;

/// <summary>
/// One month of ROI tracking with the running totals up to and including it. <see cref="CumulativeRoiPercent"/> is
/// (cumulative realized − cumulative invested) / cumulative invested × 100, rounded to 2 decimals; null while nothing is invested.
/// </summary>
public sealed record RoiMonth(
    long Id,
    string Period,
    decimal InvestedUsd,
    decimal RealizedValueUsd,
    decimal CumulativeInvestedUsd,
    decimal CumulativeRealizedUsd,
    decimal? CumulativeRoiPercent,
    string? Notes,
    DateTime RecordedAt);
