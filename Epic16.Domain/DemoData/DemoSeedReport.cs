namespace Epic16.Domain.DemoData;

/// <summary>A finished seed: where the files went, what the generator wrote, and what the CRM seed did (null when skipped).</summary>
public sealed record DemoSeedReport(string Directory, DemoDataResult Data, CrmSeedResult? Crm);
