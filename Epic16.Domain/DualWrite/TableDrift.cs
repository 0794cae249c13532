namespace Epic16.Domain.DualWrite;

/// <summary>
/// One table in one reconcile pass: rows on each side, what the secondary lacked (missing), held differently
/// (different) or held beyond the primary (extra), how many of those were repaired, and quarantined ids left alone.
/// </summary>
public sealed record TableDrift(string Table, long PrimaryRows, long SecondaryRows, long Missing, long Different, long Extra, long Repaired, long QuarantinedSkipped)
{
    public long Found => Missing + Different + Extra;

    /// <summary>Share of the primary's rows the secondary held identically before the repair.</summary>
    public decimal ParityBeforePercent
    {
        get
        {
            var denominator = PrimaryRows + Extra;
            return denominator == 0 ? 100m : Math.Round(100m * (PrimaryRows - Missing - Different) / denominator, 2);
        }
    }
}
