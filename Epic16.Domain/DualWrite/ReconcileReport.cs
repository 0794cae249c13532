using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// One reconcile pass from the primary to the secondary: per table drift, and whether everything found was repaired.
/// A <see cref="ReconcilePass.Changed"/> pass counts in its tables only the rows of the <see cref="ChangedKeys"/> it compared.
/// </summary>
public sealed record ReconcileReport(StoreKind From, StoreKind To, DateTime StartedAt, long DurationMs, IReadOnlyList<TableDrift> Tables, string? Error = null,
    ReconcilePass Pass = ReconcilePass.Full, long ChangedKeys = 0)
{
    public long Found => Tables.Sum(t => t.Found);

    public long Repaired => Tables.Sum(t => t.Repaired);

    public decimal ParityBeforePercent
    {
        get
        {
            var denominator = Tables.Sum(t => t.PrimaryRows + t.Extra);
            return denominator == 0 ? 100m : Math.Round(100m * Tables.Sum(t => t.PrimaryRows - t.Missing - t.Different) / denominator, 2);
        }
    }

    /// <summary>Parity once the repair is in: 100 when every drifted row was repaired.</summary>
    public decimal ParityAfterPercent
    {
        get
        {
            var denominator = Tables.Sum(t => t.PrimaryRows + t.Extra);
            return denominator == 0 ? 100m : Math.Round(100m * (denominator - (Found - Repaired)) / denominator, 2);
        }
    }

    public bool InSync => Error is null && Found == Repaired;

    /// <summary>Whether this pass is the fresher evidence of parity than the last recorded validation.</summary>
    public bool IsNewerThan(ParityRun? run) => run is null || StartedAt >= run.RunAt;
}
