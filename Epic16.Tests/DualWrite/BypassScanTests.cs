using System.Text.RegularExpressions;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.DualWrite;

/// <summary>
/// The mirror only sees SaveChanges: no service in Epic16.Domain may change the 15 Epic 16 tables with ExecuteUpdate,
/// ExecuteDelete or raw SQL through an Epic 16 context (the migrator, the validator, the reconciler's id counters and
/// the demo writer work on the stores directly, outside the services, on purpose).
/// </summary>
public sealed partial class BypassScanTests
{
    // LatencyFlusher prunes its own PostgreSQL control table (monitoring_latency_minutes), which no mirror follows.
    private static readonly string[] Allowed = ["StoreMigration/", "DemoData/", "Persistence/Migrations/", "DualWrite/SequenceControl.cs", "Monitoring/LatencyFlusher.cs"];

    [Fact]
    public void No_service_bypasses_SaveChanges_on_the_Epic16_tables()
    {
        var domain = Path.Combine(RepositoryRoot.Path, "Epic16.Domain");
        var offenders = new List<string>();
        var files = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {domain}");
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(domain, file).Replace('\\', '/');
            if (Allowed.Any(a => relative.StartsWith(a, StringComparison.Ordinal)))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match match in Bypass().Matches(text))
            {
                offenders.Add($"{relative}: {match.Value}");
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_scan_recognises_each_bypass()
    {
        Assert.Matches(Bypass(), "await db.Prospects.Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Notes, \"x\"));");
        Assert.Matches(Bypass(), "db.Touchpoints.ExecuteDelete();");
        Assert.Matches(Bypass(), "await db.Database.ExecuteSqlRawAsync(\"DELETE FROM f500_prospects\");");
        Assert.Matches(Bypass(), "db.Database.ExecuteSqlInterpolated($\"UPDATE prospects SET notes = {n}\")");
        Assert.DoesNotMatch(Bypass(), "await db.SaveChangesAsync(ct);");
    }

    // ExecuteUpdate/ExecuteDelete anywhere; raw SQL only where its text names one of the 15 tables (control tables may use it).
    [GeneratedRegex("""\.Execute(Update|Delete)(Async)?\s*\(|\.ExecuteSql(Raw|Interpolated)?(Async)?\s*\(\s*\$?@?"[^"]*\b(f500_|abm_|onboarding_|prospects|lead_scoring|business_cases|sales_sequences|roi_tracking|crm_conversions|campaigns|content_assets|touchpoints|performance|success_templates|clients|milestones|health_metrics|communications)""")]
    private static partial Regex Bypass();
}
