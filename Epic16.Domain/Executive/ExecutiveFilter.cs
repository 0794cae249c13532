namespace Epic16.Domain.Executive;

/// <summary>What the executive figures cover: prospects created in [From, To] (either end open), one owner, one industry.</summary>
public sealed record ExecutiveFilter(DateOnly? From = null, DateOnly? To = null, string? Owner = null, string? Industry = null)
{
    /// <summary>No range, owner or industry: every prospect counts.</summary>
    public bool IsWholeBook => From is null && To is null && string.IsNullOrWhiteSpace(Owner) && string.IsNullOrWhiteSpace(Industry);
}
