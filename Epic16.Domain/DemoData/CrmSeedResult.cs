namespace Epic16.Domain.DemoData;

/// <summary>What the Epic 7 CRM seed did: whether it seeded deals, what it created, the open pipeline and the contact ids by e-mail.</summary>
public sealed record CrmSeedResult(bool DealsSeeded, int ContactsCreated, int DealsCreated, decimal OpenPipelineUsd, IReadOnlyDictionary<string, long> ContactIds, string Message);
