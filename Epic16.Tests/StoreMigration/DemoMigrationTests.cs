using Epic16.Dashboard.Cli;
using Epic16.Domain.Abm;
using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence;
using Epic16.Tests.DemoData;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.StoreMigration;

/// <summary>`migrate` and `validate` on the demo data: exactly the three known broken rows are held back, everything else arrives.</summary>
public sealed class DemoMigrationTests(PostgresServer postgres, DemoDataFixture demo) : IClassFixture<DemoDataFixture>
{
    private static readonly string[] TableKeys = ["legacy_table", "target_table", "source_rows", "migrated_rows", "quarantined_rows", "duration_ms"];

    [Fact]
    public async Task Migrate_DemoData_QuarantinesTheThreeBrokenRowsAndValidatesAtFullParity()
    {
        var db = await postgres.CreateDatabaseAsync("mig_demo", TestContext.Current.CancellationToken);
        var legacy = MigrationKit.LegacyCounts(demo.Directory);

        var migrate = await MigrationKit.MigrateAsync(db, demo.Directory);

        Assert.True(migrate.ExitCode == CliExitCodes.Quarantined, migrate.ToString());
        var json = migrate.Json;
        var tables = json.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(MigrationKit.Tables.Select(t => t.LegacyName), tables.Select(t => t.GetProperty("legacy_table").GetString()));
        foreach (var table in tables)
        {
            Assert.Equal(TableKeys, table.EnumerateObject().Select(p => p.Name));
            var name = table.GetProperty("legacy_table").GetString()!;
            var broken = DemoDataGenerator.BrokenRows.Count(b => b.Table == name);
            Assert.Equal(LegacyTables.ByName(name)!.TargetName, table.GetProperty("target_table").GetString());
            Assert.Equal(legacy[name], table.GetProperty("source_rows").GetInt64());
            Assert.Equal(broken, table.GetProperty("quarantined_rows").GetInt64());
            Assert.Equal(legacy[name] - broken, table.GetProperty("migrated_rows").GetInt64());
            Assert.True(table.GetProperty("duration_ms").GetInt64() >= 0);
        }

        var totals = json.GetProperty("totals");
        Assert.Equal(legacy.Values.Sum(), totals.GetProperty("source_rows").GetInt64());
        Assert.Equal(legacy.Values.Sum() - 3, totals.GetProperty("migrated_rows").GetInt64());
        Assert.Equal(3, totals.GetProperty("quarantined_rows").GetInt64());
        Assert.Equal(100m, json.GetProperty("parity_percent").GetDecimal());

        var counts = await MigrationKit.TargetCountsAsync(db);
        Assert.Equal(legacy.ToDictionary(l => l.Key, l => l.Value - DemoDataGenerator.BrokenRows.Count(b => b.Table == l.Key)), counts);
        var quarantined = await MigrationKit.QuarantineAsync(db);
        Assert.Equal(
            DemoDataGenerator.BrokenRows.Select(b => (b.Table, b.Id, b.Column, b.RawValue)).Order(),
            quarantined.Select(q => (q.Table, q.Id, q.Column, q.RawValue ?? "")).Order());
        Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
        foreach (var broken in DemoDataGenerator.BrokenRows)
        {
            Assert.Equal(0L, await MigrationKit.ScalarAsync<long>(db, $"SELECT count(*) FROM {LegacyTables.ByName(broken.Table)!.TargetName} WHERE id = {broken.Id}"));
        }

        var validate = await MigrationKit.ValidateAsync(db, demo.Directory);

        Assert.True(validate.ExitCode == CliExitCodes.Ok, validate.ToString());
        var parity = validate.Json;
        Assert.Equal(100m, parity.GetProperty("parity_percent").GetDecimal());
        Assert.Equal(3, parity.GetProperty("quarantined_rows").GetInt64());
        Assert.True(parity.GetProperty("matches").GetBoolean());
        var figures = parity.GetProperty("business_figures").EnumerateArray().ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.True(f.GetProperty("variance_percent").GetDecimal() == 0m, f.ToString()));
        Assert.Contains(figures, f => f.GetProperty("name").GetString() == "open_pipeline_usd" && f.GetProperty("postgres").GetDecimal() > 0);

        // The legacy health scores recomputed: every client with a scored legacy row, reported beside the parity (the match above holds).
        var health = parity.GetProperty("health_recalculation");
        var scoredClients = (long)LegacySql.Scalar(demo.Directory, "health_metrics", "SELECT count(DISTINCT client_id) FROM health_metrics WHERE health_score IS NOT NULL")!;
        Assert.Equal(scoredClients, health.GetProperty("clients").GetInt64());
        var variance = health.GetProperty("variance_percent").GetDecimal();
        Assert.InRange(variance, 0.01m, 100m);
        Assert.Equal(variance > 5m, health.GetProperty("tripped").GetBoolean());
        var text = await MigrationKit.CliAsync("validate", "--connection", db, "--legacy-dir", demo.Directory);
        var line = text.Output.Split('\n').Single(l => l.StartsWith("legacy health scores recomputed", StringComparison.Ordinal));
        Assert.Contains($" {scoredClients} clients, variance {variance.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} % (rollback trigger above 5 %", line);
    }

    [Fact]
    public async Task Migrate_Twice_SameCountsNoDuplicatesAndNewRowsGetFreshIds()
    {
        var db = await postgres.CreateDatabaseAsync("mig_rerun", TestContext.Current.CancellationToken);
        var first = await MigrationKit.MigrateAsync(db, demo.Directory);
        var firstCounts = await MigrationKit.TargetCountsAsync(db);

        var second = await MigrationKit.MigrateAsync(db, demo.Directory);

        Assert.Equal((CliExitCodes.Quarantined, CliExitCodes.Quarantined), (first.ExitCode, second.ExitCode));
        Assert.Equal(Totals(first), Totals(second));
        Assert.Equal(firstCounts, await MigrationKit.TargetCountsAsync(db));
        Assert.All(await MigrationKit.DuplicateIdsAsync(db), d => Assert.True(d.Value == 0, $"{d.Key} has {d.Value} duplicate ids"));
        Assert.Equal(3, (await MigrationKit.QuarantineAsync(db)).Count);

        // Every identity sequence hands out an id past the largest legacy id (quarantined rows' ids included).
        foreach (var table in MigrationKit.Tables)
        {
            var next = await MigrationKit.ScalarAsync<long>(db, $"SELECT nextval(pg_get_serial_sequence('{table.TargetName}', 'id'))");
            Assert.True(next > MigrationKit.LegacyMaxId(demo.Directory, table.LegacyName), $"{table.TargetName}: next id {next}");
        }

        // And EF, as the app writes after cutover, gets fresh ids.
        await using var services = TestServices.Create(db, new Dictionary<string, string?> { ["Legacy:Directory"] = demo.Directory });
        await using (var context = await services.GetRequiredService<IStoreRouter>().CreateContextAsync(StoreKind.Postgres))
        {
            var campaign = new Campaign { Name = "After migration", CreatedAt = DateTime.UtcNow };
            context.Campaigns.Add(campaign);
            await context.SaveChangesAsync();
            var touchpoint = new Touchpoint { CampaignId = campaign.Id, ProspectId = 1, Channel = "email" };
            context.Touchpoints.Add(touchpoint);
            await context.SaveChangesAsync();

            Assert.True(campaign.Id > MigrationKit.LegacyMaxId(demo.Directory, "campaigns"));
            Assert.True(touchpoint.Id > MigrationKit.LegacyMaxId(demo.Directory, "touchpoints"));
        }
    }

    private static string Totals(CliRun run) => run.Json.GetProperty("totals") is var t
        ? $"{t.GetProperty("source_rows")}/{t.GetProperty("migrated_rows")}/{t.GetProperty("quarantined_rows")}"
        : "";
}
