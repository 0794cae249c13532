namespace Epic16.Domain.Executive;

/// <summary>The few columns of a prospect the executive figures need.</summary>
internal sealed record ProspectFact(long Id, string Status, decimal ArrUsd, DateTime CreatedAt, DateTime? UpdatedAt);
