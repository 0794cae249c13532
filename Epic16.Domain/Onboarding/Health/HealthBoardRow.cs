namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// One client's line on the health board: its latest snapshot (score, band, 30-day change, coverage) beside the name and CSM the
/// board sorts and filters by, so the counts per band, the filters and the first cards by risk are indexed queries on one table.
/// PostgreSQL `cs_health_board` in every store mode, beside `cs_health_snapshots` it is derived from. Written by
/// <see cref="BoardRows"/> after every snapshot run (all clients, set-based), and by the client services when a client is
/// started or its name or CSM changes; the cards shown read name, CSM and status live from the business store.
/// </summary>
public class HealthBoardRow
{
    public long ClientId { get; set; }
    public string CompanyName { get; set; } = "";

    /// <summary>The name upper-cased (invariant) under the C collation: ordinal, case-insensitive, as the board always sorted names.</summary>
    public string NameKey { get; set; } = "";

    public string? CsmOwner { get; set; }

    /// <summary>The CSM lower-cased (invariant): the board's CSM filter ignores case.</summary>
    public string? CsmKey { get; set; }

    /// <summary>The day of the latest snapshot run; null when the client had no snapshot on it.</summary>
    public DateOnly? Day { get; set; }

    public decimal? Score { get; set; }
    public string? Band { get; set; }

    /// <summary><see cref="HealthBands.Rank"/> of the band: 0 critical … 3 healthy, 4 no data.</summary>
    public int BandRank { get; set; }

    /// <summary>Score against the snapshot exactly 30 days before <see cref="Day"/>; null without one.</summary>
    public decimal? Trend { get; set; }

    public decimal CoveragePercent { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string NameKeyOf(string companyName) => companyName.ToUpperInvariant();

    public static string? CsmKeyOf(string? csm) => string.IsNullOrEmpty(csm) ? null : csm.ToLowerInvariant();
}
