using Epic16.Dashboard.Cli;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.StoreMigration;

/// <summary>Re-running `migrate` after the legacy data changed (as it does while the legacy app still writes) converges on the new legacy state.</summary>
public sealed class MigrationRerunTests(PostgresServer postgres)
{
    private const string Rows = """
        INSERT INTO prospects (id, company_name, status, created_at) VALUES (1, 'Stays', 'engaged', '2025-10-08 14:03:22'), (2, 'Goes', 'engaged', '2025-10-08 14:03:22');
        INSERT INTO lead_scoring (id, prospect_id, score, scored_at) VALUES (1, 1, 50, '2025-10-08 09:00:00'), (2, 2, 60, '2025-10-08 09:00:00');
        INSERT INTO business_cases (id, prospect_id, title, investment_usd, annual_benefit_usd, created_at) VALUES (1, 1, 'A', 1000, 500, '2025-10-08 09:00:00'), (2, 2, 'B', 1000, 500, '2025-10-08 09:00:00');
        INSERT INTO roi_tracking (id, prospect_id, business_case_id, period, recorded_at) VALUES (1, 1, 1, '2025-10', '2025-10-08 09:00:00'), (2, 2, 2, '2025-10', '2025-10-08 09:00:00');
        INSERT INTO campaigns (id, name, created_at) VALUES (1, 'C1', '2025-10-08 09:00:00');
        INSERT INTO touchpoints (id, campaign_id, prospect_id, channel) VALUES (1, 1, 1, 'email'), (2, 1, 2, 'email');
        INSERT INTO clients (id, company_name, prospect_id, created_at) VALUES (1, 'Client of 1', 1, '2025-10-08 09:00:00'), (2, 'Client of 2', 2, '2025-10-08 09:00:00');
        INSERT INTO health_metrics (id, client_id, metric_date, nps) VALUES (1, 1, '2025-10-01', 10), (2, 2, '2025-10-01', 20);
        """;

    [Theory]
    [InlineData("DELETE FROM prospects WHERE id = 2", 0)]
    [InlineData("UPDATE prospects SET status = 'maybe' WHERE id = 2", 1)]
    public async Task Migrate_AfterAParentRowLeftTheLegacyStore_RerunConvergesOnTheNewLegacyState(string change, int quarantinedParents)
    {
        var db = await postgres.CreateDatabaseAsync("mig_change", TestContext.Current.CancellationToken);
        using var folder = new TempFolder();
        await LegacyStore.CreateAsync(folder.Path);
        await MigrationKit.ExecuteLegacyAsync(folder.Path, Rows);
        var first = await MigrationKit.MigrateAsync(db, folder.Path);
        Assert.True(first.ExitCode == CliExitCodes.Ok, first.ToString());

        // Prospect 2 is deleted (its rows in the same file left dangling, as SQLite without foreign keys allows) or made unreadable.
        await MigrationKit.ExecuteLegacyAsync(folder.Path, "PRAGMA foreign_keys = OFF; " + change);
        var rerun = await MigrationKit.MigrateAsync(db, folder.Path);

        Assert.True(rerun.ExitCode == CliExitCodes.Quarantined, rerun.ToString());
        var counts = await MigrationKit.TargetCountsAsync(db);
        Assert.All(new[] { "prospects", "lead_scoring", "business_cases", "roi_tracking", "touchpoints", "clients" },
            table => Assert.True(counts[table] == 1, $"{table} holds {counts[table]} rows"));
        var quarantined = await MigrationKit.QuarantineAsync(db);
        Assert.Equal(quarantinedParents, quarantined.Count(q => q.Table == "prospects"));
        Assert.Contains(quarantined, q => q is { Table: "touchpoints", Id: 2, Column: "prospect_id" });
        Assert.Contains(quarantined, q => q is { Table: "clients", Id: 2, Column: "prospect_id" });

        var validate = await MigrationKit.ValidateAsync(db, folder.Path);
        Assert.True(validate.ExitCode == CliExitCodes.Ok, validate.ToString());
    }
}
