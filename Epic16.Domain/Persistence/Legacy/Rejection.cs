namespace Epic16.Domain.Persistence.Legacy;

/// <summary>Why a legacy row cannot be converted: the column, its raw value (as text) and the reason.</summary>
public sealed record Rejection(string Column, string? RawValue, string Reason);
