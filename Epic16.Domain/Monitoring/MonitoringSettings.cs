using Microsoft.Extensions.Configuration;

namespace Epic16.Domain.Monitoring;

/// <summary>`Monitoring:FlushSeconds` (10): how often each instance shares its latency minutes through PostgreSQL.</summary>
public sealed record MonitoringSettings(TimeSpan Flush)
{
    public static MonitoringSettings From(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Monitoring:FlushSeconds", 10.0))));
}
