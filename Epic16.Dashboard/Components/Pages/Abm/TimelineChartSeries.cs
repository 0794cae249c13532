namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>One status on the timeline: its name, the theme variable of its colour, its touches.</summary>
public sealed record TimelineChartSeries(string Name, string ColorVariable, IReadOnlyList<TimelineChartPoint> Points);
