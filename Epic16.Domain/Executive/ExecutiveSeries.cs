namespace Epic16.Domain.Executive;

/// <summary>
/// A chart's data, aggregated on the server: one or more named series over the same categories, and a note when the chart
/// shows a part of the data (the worst N, for example).
/// </summary>
public sealed record ExecutiveSeries(string Key, string Title, IReadOnlyList<string> Categories, IReadOnlyList<NamedSeries> Series, string? Note = null)
{
    public const int MaxPoints = 2000;

    /// <summary>A zero is a figure (slip of an on-time client), so only no categories at all is empty.</summary>
    public bool ZeroIsData { get; init; }

    public bool IsEmpty => Categories.Count == 0 || (!ZeroIsData && Series.All(s => s.Values.All(v => v == 0)));
}
