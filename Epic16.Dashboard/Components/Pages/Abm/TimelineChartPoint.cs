namespace Epic16.Dashboard.Components.Pages.Abm;

/// <summary>One touch on the timeline: its id (a click edits it), its row, its span in Unix milliseconds and its tooltip text.</summary>
public sealed record TimelineChartPoint(long Id, string Row, long From, long To, string Label);
