namespace Epic16.Domain.DemoData;

/// <summary>Gives the Epic 7 CRM contact id of each converted decision maker, by e-mail (creating the contacts if it must).</summary>
public delegate Task<IReadOnlyDictionary<string, long>> DemoContactResolver(IReadOnlyList<DemoCrmContact> contacts, CancellationToken ct);
