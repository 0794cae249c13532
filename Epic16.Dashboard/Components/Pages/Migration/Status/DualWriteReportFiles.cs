using System.Globalization;
using System.Text;
using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.DualWrite;

namespace Epic16.Dashboard.Components.Pages.Migration.Status;

/// <summary>The seed plan's 24-hour dual-write validation report, per hour, as CSV and as Markdown.</summary>
public static class DualWriteReportFiles
{
    public static string Csv(IReadOnlyList<DualWriteHourRow> hours) => CsvFile.Write(hours,
        ("hour_utc", h => h.Hour),
        ("writes_mirrored", h => h.WritesMirrored),
        ("mirror_failures", h => h.Failures),
        ("drift_found", h => h.DriftFound),
        ("drift_repaired", h => h.DriftRepaired),
        ("primary_p50_ms", h => Ms(h.PrimaryP50)),
        ("primary_p95_ms", h => Ms(h.PrimaryP95)),
        ("secondary_p50_ms", h => Ms(h.SecondaryP50)),
        ("secondary_p95_ms", h => Ms(h.SecondaryP95)));

    public static string Markdown(IReadOnlyList<DualWriteHourRow> hours, DateTime fromUtc, DateTime toUtc)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Dual-write validation report\n\n{fromUtc:yyyy-MM-dd HH:mm} to {toUtc:yyyy-MM-dd HH:mm} UTC, every app instance summed.\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Writes mirrored: **{hours.Sum(h => h.WritesMirrored):N0}**\n");
        md.Append(CultureInfo.InvariantCulture, $"- Mirror failures: **{hours.Sum(h => h.Failures):N0}** (healed by the reconciler, never lost)\n");
        md.Append(CultureInfo.InvariantCulture, $"- Drift found / repaired: **{hours.Sum(h => h.DriftFound):N0} / {hours.Sum(h => h.DriftRepaired):N0}**\n\n");
        md.Append("| hour (UTC) | writes mirrored | failures | drift found | drift repaired | primary p50 / p95 (ms) | secondary p50 / p95 (ms) |\n");
        md.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var h in hours)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {h.Hour:yyyy-MM-dd HH:00} | {h.WritesMirrored:N0} | {h.Failures:N0} | {h.DriftFound:N0} | {h.DriftRepaired:N0} | {Ms(h.PrimaryP50)} / {Ms(h.PrimaryP95)} | {Ms(h.SecondaryP50)} / {Ms(h.SecondaryP95)} |\n");
        }

        if (hours.Count == 0)
        {
            md.Append("| no dual-write traffic in this period | | | | | | |\n");
        }

        return md.ToString();
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture);
}
