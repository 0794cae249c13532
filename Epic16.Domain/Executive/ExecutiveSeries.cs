namespace Epic16.Domain.Executive;

/// <summary>A chart's data, aggregated on the server: one or more named series over the same categories.</summary>
public sealed record ExecutiveSeries(string Key, string Title, IReadOnlyList<string> Categories, IReadOnlyList<NamedSeries> Series)
{
    public const int MaxPoints = 2000;

    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v == 0));
}
