namespace Epic16.Domain.Persistence;

/// <summary>
/// One app instance's dual-write figures for one hour (`migration_dual_write_hours`): the 24-hour validation report
/// sums the instances per hour. Latencies are <see cref="Monitoring.LatencyHistogram.Counts"/> as JSON arrays.
/// </summary>
public class DualWriteHour
{
    public DateTime Hour { get; set; }
    public string Instance { get; set; } = "";
    public long WritesMirrored { get; set; }
    public long Failures { get; set; }
    public long DriftFound { get; set; }
    public long DriftRepaired { get; set; }
    public string PrimaryLatency { get; set; } = "[]";
    public string SecondaryLatency { get; set; } = "[]";
    public DateTime UpdatedAt { get; set; }
}
