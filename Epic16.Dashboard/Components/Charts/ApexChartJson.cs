namespace Epic16.Dashboard.Components.Charts;

/// <summary>
/// A chart as the JS module receives it: ApexCharts options without the series, and the series, as JSON. Kept apart so a
/// change of data alone becomes <c>updateSeries</c> (animated, no redraw of axes and legend) rather than <c>updateOptions</c>.
/// </summary>
public sealed record ApexChartJson(string Options, string Series);
