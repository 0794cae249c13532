namespace Epic16.Domain.StoreMigration;

/// <summary>One column of one row that differs between the stores.</summary>
public sealed record ColumnDifference(string Column, string Sqlite, string Postgres);

/// <summary>A row that is missing, extra or different, with the columns that differ.</summary>
public sealed record MismatchSample(string TargetTable, long Id, string Kind, IReadOnlyList<ColumnDifference> Columns);

public sealed record TableParity(string LegacyTable, string TargetTable, long SourceRows, long TargetRows, long QuarantinedRows, long Missing, long Extra, long Different, long JsonErrors)
{
    public long Expected => SourceRows - QuarantinedRows;

    public decimal ParityPercent
    {
        get
        {
            var denominator = Expected + Extra;
            return denominator == 0 ? 100m : Math.Round(100m * (Expected - Missing - Different - JsonErrors) / denominator, 2);
        }
    }
}

/// <summary>A figure the business relies on, computed on both stores by the same code.</summary>
public sealed record BusinessFigure(string Name, decimal Sqlite, decimal Postgres)
{
    public decimal VariancePercent => Sqlite == Postgres ? 0
        : Sqlite == 0 ? 100m
        : Math.Round(Math.Abs(Postgres - Sqlite) / Math.Abs(Sqlite) * 100m, 4);
}

/// <summary>The result of a `validate` run.</summary>
public sealed record ParityReport(IReadOnlyList<TableParity> Tables, IReadOnlyList<BusinessFigure> BusinessFigures, IReadOnlyList<MismatchSample> Samples, long DurationMs)
{
    public decimal ParityPercent
    {
        get
        {
            var expected = Tables.Sum(t => t.Expected + t.Extra);
            return expected == 0 ? 100m : Math.Round(100m * Tables.Sum(t => t.Expected - t.Missing - t.Different - t.JsonErrors) / expected, 2);
        }
    }

    public bool Matches => Tables.All(t => t.Missing == 0 && t.Extra == 0 && t.Different == 0 && t.JsonErrors == 0)
        && BusinessFigures.All(f => f.VariancePercent == 0);

    public long QuarantinedRows => Tables.Sum(t => t.QuarantinedRows);

    /// <summary>The legacy health scores recomputed (null in a report recorded before the check existed).</summary>
    public HealthRecalculation? HealthRecalculation { get; init; }
}
