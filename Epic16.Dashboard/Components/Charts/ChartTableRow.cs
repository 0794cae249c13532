namespace Epic16.Dashboard.Components.Charts;

/// <summary>One row of a chart's table view: its label (category, date or slice) and one formatted value per series.</summary>
public sealed record ChartTableRow(string Label, IReadOnlyList<string> Cells);
