namespace Epic16.Domain.Executive;

/// <summary>Everything the executive page shows for one filter: the KPI cards and the chart series.</summary>
public sealed record ExecutiveView(ExecutiveFilter Filter, IReadOnlyList<KpiCard> Cards, IReadOnlyList<ExecutiveSeries> Charts, bool HasData);
