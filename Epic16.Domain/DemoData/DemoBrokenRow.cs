namespace Epic16.Domain.DemoData;

/// <summary>A demo row written on purpose so that the migration must quarantine it (table, legacy id, column, why).</summary>
public sealed record DemoBrokenRow(string Table, long Id, string Column, string RawValue, string Reason);
