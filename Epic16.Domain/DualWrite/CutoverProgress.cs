namespace Epic16.Domain.DualWrite;

/// <summary>Where a cutover or rollback is: step `Index` of `Steps`, named for the page and the CLI.</summary>
public sealed record CutoverProgress(string Step, int Index, int Steps, string? Detail = null);
