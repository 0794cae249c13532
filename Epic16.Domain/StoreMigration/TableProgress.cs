namespace Epic16.Domain.StoreMigration;

/// <summary>Where a long table-by-table run (migration, validation) is: the table it is on, rows read of its total, and the rate.</summary>
public sealed record TableProgress(string LegacyTable, int TableIndex, int TableCount, long RowsRead, long TotalRows, long Quarantined, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;

    public double Fraction => TotalRows == 0 ? 1 : Math.Min(1, (double)RowsRead / TotalRows);
}
