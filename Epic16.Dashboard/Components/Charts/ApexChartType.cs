namespace Epic16.Dashboard.Components.Charts;

/// <summary>The ApexCharts chart types the product draws. Line, Area and Bar plot series on an axis; Donut, Pie and RadialBar plot one series as slices.</summary>
public enum ApexChartType
{
    Line,
    Area,
    Bar,
    Donut,
    Pie,
    RadialBar,
}
