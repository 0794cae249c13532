namespace Epic16.Domain.Executive;

/// <summary>One aggregated point of a chart series: a category (stage, month, case, campaign…) and its value.</summary>
public sealed record SeriesPoint(string Category, decimal Value);
