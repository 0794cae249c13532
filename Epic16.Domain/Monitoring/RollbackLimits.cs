using Microsoft.Extensions.Configuration;

namespace Epic16.Domain.Monitoring;

/// <summary>
/// The seed plan's rollback thresholds (`Rollback:*`): business-figure variance, p95 latency, error rate,
/// how long the app may be unable to write, and whether a tripped trigger rolls back by itself (opt-in).
/// </summary>
public sealed record RollbackLimits(
    decimal MaxFigureVariancePercent,
    TimeSpan MaxP95,
    double MaxErrorRate,
    TimeSpan MaxWriteOutage,
    bool AutomaticRollback,
    TimeSpan EvaluationInterval)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static RollbackLimits Default { get; } = new(5m, TimeSpan.FromMilliseconds(200), 0.01, TimeSpan.FromMinutes(5), false, TimeSpan.FromSeconds(15));

    public static RollbackLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Rollback");
        return new RollbackLimits(
            section.GetValue("MaxFigureVariancePercent", Default.MaxFigureVariancePercent),
            TimeSpan.FromMilliseconds(section.GetValue("MaxP95Milliseconds", Default.MaxP95.TotalMilliseconds)),
            section.GetValue("MaxErrorRatePercent", Default.MaxErrorRate * 100) / 100,
            TimeSpan.FromMinutes(section.GetValue("MaxWriteOutageMinutes", Default.MaxWriteOutage.TotalMinutes)),
            section.GetValue("Automatic", Default.AutomaticRollback),
            TimeSpan.FromSeconds(section.GetValue("EvaluationIntervalSeconds", Default.EvaluationInterval.TotalSeconds)));
    }
}
