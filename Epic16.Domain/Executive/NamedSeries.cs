namespace Epic16.Domain.Executive;

/// <summary>One named series: a value per category of its chart.</summary>
public sealed record NamedSeries(string Name, IReadOnlyList<decimal> Values);
