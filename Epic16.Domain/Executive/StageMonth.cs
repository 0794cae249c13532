namespace Epic16.Domain.Executive;

/// <summary>The filtered prospects of one stage created in one month (<c>yyyy-MM</c>, UTC): how many, and their estimated ARR (none counts as 0).</summary>
internal sealed record StageMonth(string Status, string Month, int Count, decimal ArrUsd);
