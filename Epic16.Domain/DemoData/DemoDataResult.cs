namespace Epic16.Domain.DemoData;

/// <summary>What a generator run wrote: rows per legacy table, the time it took, and the CRM contacts its conversions point at.</summary>
public sealed record DemoDataResult(IReadOnlyDictionary<string, long> RowsPerTable, TimeSpan Elapsed, IReadOnlyList<DemoCrmContact> CrmContacts)
{
    public long TotalRows => RowsPerTable.Values.Sum();

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? TotalRows / Elapsed.TotalSeconds : TotalRows;
}
