namespace Epic16.Domain.Persistence;

/// <summary>
/// One app instance's commands on one store during one minute (`monitoring_latency_minutes`): every instance writes its
/// own rows and reads everyone's, so latency, error rate, the cutover gates and the rollback triggers judge all traffic.
/// <see cref="Latency"/> is <see cref="Monitoring.LatencyHistogram.Counts"/> as a JSON array.
/// </summary>
public class LatencyMinute
{
    public DateTime Minute { get; set; }
    public string Store { get; set; } = "";
    public string Instance { get; set; } = "";
    public long Commands { get; set; }
    public long Errors { get; set; }
    public string Latency { get; set; } = "[]";
    public DateTime UpdatedAt { get; set; }
}
