using Microsoft.Extensions.Configuration;

namespace Epic16.Domain.DualWrite;

/// <summary>
/// `DualWrite:ReconcileIntervalSeconds` (60), `DualWrite:ModeRefreshSeconds` (30, the fallback re-read of the mode
/// when a NOTIFY is missed), `DualWrite:FlushSeconds` (10, how often the hourly figures are written) and
/// `EPIC16_POSTGRESQL_ONLY` (the seed plan's emergency switch: `false` forces a SQLite-primary mode at start) and
/// `DualWrite:PauseLeaseSeconds` (30: how long another instance's write pause holds without news from the switch),
/// `DualWrite:FullReconcileMinutes` (60: how often the background reconcile compares every row instead of the changed keys).
/// </summary>
public sealed record DualWriteSettings(TimeSpan ReconcileInterval, TimeSpan ModeRefresh, TimeSpan Flush, bool EmergencySqlitePrimary, string Instance)
{
    /// <summary>How long an instance keeps writes paused for another instance's switch without hearing from it.</summary>
    public TimeSpan PauseLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the background reconcile is a full pass, the one that finds writes the app did not see.</summary>
    public TimeSpan FullReconcileInterval { get; init; } = TimeSpan.FromHours(1);

    public const string EmergencyVariable = "EPIC16_POSTGRESQL_ONLY";

    public static DualWriteSettings From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("DualWrite:ReconcileIntervalSeconds", 60))),
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("DualWrite:ModeRefreshSeconds", 30))),
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("DualWrite:FlushSeconds", 10))),
        string.Equals(configuration[EmergencyVariable]?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
        configuration["DualWrite:Instance"] is { Length: > 0 } name ? name : $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}")
    {
        PauseLease = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("DualWrite:PauseLeaseSeconds", 30.0))),
        FullReconcileInterval = TimeSpan.FromMinutes(Math.Max(0.1, configuration.GetValue("DualWrite:FullReconcileMinutes", 60.0))),
    };
}
