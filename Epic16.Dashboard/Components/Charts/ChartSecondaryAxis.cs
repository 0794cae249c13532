namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// One series drawn against its own value axis on the opposite (right) side, in its own format, so a series in another unit
/// (ROI in % beside NPV in $) is not flattened against the first axis.
/// </summary>
public sealed record ChartSecondaryAxis(string SeriesName, ChartValueFormat ValueFormat);
