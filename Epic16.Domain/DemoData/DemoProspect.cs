namespace Epic16.Domain.DemoData;

/// <summary>What the ABM and onboarding generators need to know about a prospect written to the acquisition file.</summary>
internal sealed record DemoProspect(long Id, string Company, string Status, int? Rank, string Industry, string Owner, DateTime CreatedAt);
