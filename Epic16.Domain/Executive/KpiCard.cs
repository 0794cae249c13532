namespace Epic16.Domain.Executive;

/// <summary>One headline figure, what it is compared with (if anything), and its definition in words.</summary>
public sealed record KpiCard(string Key, string Title, string Value, string? Against, string Definition);
