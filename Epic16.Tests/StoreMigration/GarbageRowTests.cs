using Epic16.Dashboard.Cli;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.StoreMigration;

/// <summary>
/// One legacy row (id 100) per case, next to good rows, through the real `migrate`: it arrives with exactly the
/// expected PostgreSQL value, or it is quarantined with a reason; either way every good row of every table arrives.
/// </summary>
/// <remarks>
/// The cases share one PostgreSQL database (creating one costs more than the migration): each run reloads every
/// table whole and releases the quarantine entries that no longer fail, so a case sees only its own rows.
/// </remarks>
public sealed class GarbageRowTests(PostgresServer postgres, SharedDatabase database) : IClassFixture<SharedDatabase>
{
    private const long CaseId = 100;

    private const string GoodRows = """
        INSERT INTO prospects (id, company_name, status, created_at) VALUES (1, 'Good One', 'engaged', '2025-10-08 14:03:22'), (2, 'Good Two', 'qualified', '2025-10-08 14:03:22');
        INSERT INTO lead_scoring (id, prospect_id, score, scored_at) VALUES (1, 1, 50, '2025-10-08 09:00:00'), (2, 2, 60.5, '2025-10-08 09:00:00');
        INSERT INTO business_cases (id, prospect_id, title, investment_usd, annual_benefit_usd, created_at) VALUES (1, 1, 'Good case', 250000.5, 120000, '2025-10-08 09:00:00');
        INSERT INTO campaigns (id, name, created_at) VALUES (1, 'C1', '2025-10-08 09:00:00'), (2, 'C2', '2025-10-08 09:00:00');
        INSERT INTO content_assets (id, title, asset_type, created_at) VALUES (1, 'Paper', 'whitepaper', '2025-10-08 09:00:00');
        INSERT INTO touchpoints (id, campaign_id, prospect_id, channel) VALUES (1, 1, 1, 'email'), (2, 2, 2, 'call');
        INSERT INTO clients (id, company_name, created_at) VALUES (1, 'Client One', '2025-10-08 09:00:00'), (2, 'Client Two', '2025-10-08 09:00:00');
        INSERT INTO health_metrics (id, client_id, metric_date, nps) VALUES (1, 1, '2025-10-01', 10), (2, 2, '2025-10-01', 20);
        INSERT INTO communications (id, client_id, channel, occurred_at) VALUES (1, 1, 'call', '2025-10-08 10:00:00'), (2, 2, 'email', '2025-10-08 11:00:00');
        """;

    private const string Utc = "to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')";

    /// <summary>Case name, the legacy INSERT of row 100, its table, the column at stake, then either
    /// (a PostgreSQL expression on row 100, its expected text) for a row that must arrive, or (null, the expected raw value or null) for one that must be quarantined.</summary>
    public static TheoryData<string, string, string, string, string?, string?> Cases => new()
    {
        // Garbage: quarantined, with the column named.
        { "malformed JSON", Prospect("tech_stack", "'[''AWS'', '"), "prospects", "tech_stack", null, "['AWS', " },
        { "JSON of the wrong shape", Prospect("tech_stack", "'{\"a\": 1}'"), "prospects", "tech_stack", null, "{\"a\": 1}" },
        { "unknown enum word", Touchpoint("channel", "'carrier_pigeon'"), "touchpoints", "channel", null, "carrier_pigeon" },
        { "text in an integer column", "INSERT INTO health_metrics (id, client_id, metric_date, nps) VALUES (100, 1, '2025-10-05', 'abc')", "health_metrics", "nps", null, "abc" },
        { "boolean other than 0/1", "INSERT INTO content_assets (id, title, asset_type, is_active, created_at) VALUES (100, 'T', 'demo', 2, '2025-10-08 09:00:00')", "content_assets", "is_active", null, "2" },
        { "impossible date", Campaign("start_date", "'2025-02-30'"), "campaigns", "start_date", null, "2025-02-30" },
        { "impossible timestamp", Communication("'2025-02-30 10:15:00'"), "communications", "occurred_at", null, "2025-02-30 10:15:00" },
        { "orphan across files", "INSERT INTO touchpoints (id, campaign_id, prospect_id, channel) VALUES (100, 1, 999, 'email')", "touchpoints", "prospect_id", null, "999" },
        { "orphan in the same file", "PRAGMA foreign_keys = OFF; INSERT INTO lead_scoring (id, prospect_id, score, scored_at) VALUES (100, 999, 50, '2025-10-08 09:00:00')", "lead_scoring", "prospect_id", null, "999" },
        { "NUL byte in text", "INSERT INTO communications (id, client_id, channel, subject, occurred_at) VALUES (100, 1, 'call', 'before' || char(0) || 'after', '2025-10-08 10:00:00')", "communications", "subject", null, "before\\u0000after" },

        // Hostile but valid text: migrated exactly.
        { "1 MB string", Touchpoint("notes", "'start-' || replace(hex(zeroblob(524288)), '0', 'x') || '-end ✓'"), "touchpoints", "notes", "(notes = 'start-' || repeat('x', 1048576) || '-end ✓')::text", "true" },
        { "markup", Touchpoint("notes", "'<script>alert(1)</script>'"), "touchpoints", "notes", "notes", "<script>alert(1)</script>" },
        { "Unicode and quotes", Touchpoint("notes", "'Zoë ''quoted'' \"dq\" 東京 🚀'"), "touchpoints", "notes", "notes", "Zoë 'quoted' \"dq\" 東京 🚀" },

        // Every documented legacy form: converted exactly.
        { "timestamp with space", Communication("'2025-10-08 14:03:22'"), "communications", "occurred_at", Utc, "2025-10-08 14:03:22.000000" },
        { "timestamp with microseconds", Communication("'2025-10-08 14:03:22.123456'"), "communications", "occurred_at", Utc, "2025-10-08 14:03:22.123456" },
        { "timestamp with T", Communication("'2025-10-08T14:03:22'"), "communications", "occurred_at", Utc, "2025-10-08 14:03:22.000000" },
        { "timestamp with +00:00", Communication("'2025-10-08T14:03:22.123456+00:00'"), "communications", "occurred_at", Utc, "2025-10-08 14:03:22.123456" },
        { "timestamp with Z", Communication("'2025-10-08T14:03:22Z'"), "communications", "occurred_at", Utc, "2025-10-08 14:03:22.000000" },
        { "timestamp as INTEGER epoch", Communication("1759932202"), "communications", "occurred_at", Utc, "2025-10-08 14:03:22.000000" },
        { "timestamp as epoch digits", Communication("'1759932202'"), "communications", "occurred_at", Utc, "2025-10-08 14:03:22.000000" },
        { "timestamp with another offset", Communication("'2025-10-08T16:03:22+02:00'"), "communications", "occurred_at", Utc, "2025-10-08 14:03:22.000000" },
        { "empty timestamp", Touchpoint("executed_at", "''"), "touchpoints", "executed_at", "coalesce(executed_at::text, 'NULL')", "NULL" },
        { "date", Campaign("start_date", "'2025-10-08'"), "campaigns", "start_date", "start_date::text", "2025-10-08" },
        { "full timestamp in a date column", Campaign("start_date", "'2025-10-08 14:03:22'"), "campaigns", "start_date", "start_date::text", "2025-10-08" },
        { "timestamp with offset in a date column", Campaign("start_date", "'2025-10-08T23:30:00-05:00'"), "campaigns", "start_date", "start_date::text", "2025-10-08" },
        { "Python-literal list", Prospect("tech_stack", "'[''AWS'', ''Snowflake'']'"), "prospects", "tech_stack", "(tech_stack = '[\"AWS\", \"Snowflake\"]'::jsonb)::text", "true" },
        { "Python-literal objects", Prospect("decision_makers", "'[{''name'': ''Ana Ruiz'', ''title'': ''CFO'', ''email'': None, ''role'': ''champion'', ''influence'': 4, ''linkedin'': None}]'"), "prospects", "decision_makers",
            "(decision_makers = '[{\"name\": \"Ana Ruiz\", \"title\": \"CFO\", \"email\": null, \"role\": \"champion\", \"influence\": 4, \"linkedin\": null}]'::jsonb)::text", "true" },
        { "Python-literal dict", "INSERT INTO lead_scoring (id, prospect_id, score, factors, scored_at) VALUES (100, 1, 50, '{''fit'': 12, ''intent'': 30.5}', '2025-10-08 09:00:00')", "lead_scoring", "factors",
            "(factors = '{\"fit\": 12, \"intent\": 30.5}'::jsonb)::text", "true" },
        { "Python-literal True and None", "INSERT INTO business_cases (id, prospect_id, title, investment_usd, annual_benefit_usd, assumptions, created_at) VALUES (100, 1, 'Case', 1000, 500, '{''name'': ''Ana Ruiz'', ''primary'': True, ''phone'': None}', '2025-10-08 09:00:00')",
            "business_cases", "assumptions", "(assumptions = '{\"name\": \"Ana Ruiz\", \"primary\": true, \"phone\": null}'::jsonb)::text", "true" },
        { "enum with case and spaces", "INSERT INTO prospects (id, company_name, status, created_at) VALUES (100, 'Case Co', 'Qualified ', '2025-10-08 14:03:22')", "prospects", "status", "status", "qualified" },
        { "REAL money with cents", Prospect("annual_revenue_usd", "1234567.89"), "prospects", "annual_revenue_usd", "annual_revenue_usd::text", "1234567.89" },
        { "REAL money at half a cent", Prospect("estimated_arr_usd", "2.675"), "prospects", "estimated_arr_usd", "estimated_arr_usd::text", "2.68" },
        { "INTEGER money", Prospect("estimated_arr_usd", "1500"), "prospects", "estimated_arr_usd", "estimated_arr_usd::text", "1500.00" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Migrate_OneOddRow_ArrivesExactlyOrIsQuarantinedAndTheGoodRowsArrive(string name, string insert, string table, string column, string? expression, string? expected)
    {
        var db = await database.GetAsync(postgres);
        using var folder = new TempFolder();
        await LegacyStore.CreateAsync(folder.Path);
        await MigrationKit.ExecuteLegacyAsync(folder.Path, GoodRows + insert + ";");
        var legacy = MigrationKit.LegacyCounts(folder.Path);
        var quarantine = expression is null;

        var run = await MigrationKit.MigrateAsync(db, folder.Path);

        Assert.True(run.ExitCode == (quarantine ? CliExitCodes.Quarantined : CliExitCodes.Ok), $"{name}: {run}");
        var counts = await MigrationKit.TargetCountsAsync(db);
        Assert.Equal(legacy.ToDictionary(l => l.Key, l => l.Value - (quarantine && l.Key == table ? 1 : 0)), counts);
        var target = LegacyTables.ByName(table)!.TargetName;
        var quarantined = await MigrationKit.QuarantineAsync(db);
        if (quarantine)
        {
            var row = Assert.Single(quarantined);
            Assert.Equal((table, CaseId, column), (row.Table, row.Id, row.Column));
            Assert.False(string.IsNullOrWhiteSpace(row.Reason), name);
            if (expected is not null)
            {
                Assert.Equal(expected, row.RawValue);
            }

            Assert.Equal(0L, await MigrationKit.ScalarAsync<long>(db, $"SELECT count(*) FROM {target} WHERE id = {CaseId}"));
        }
        else
        {
            Assert.Empty(quarantined);
            Assert.Equal(expected, await MigrationKit.ScalarAsync<string>(db, $"SELECT {expression} FROM {target} WHERE id = {CaseId}"));
        }
    }

    private static string Prospect(string column, string value) =>
        $"INSERT INTO prospects (id, company_name, status, created_at, {column}) VALUES (100, 'Case Co', 'engaged', '2025-10-08 14:03:22', {value})";

    private static string Touchpoint(string column, string value) =>
        column == "channel"
            ? $"INSERT INTO touchpoints (id, campaign_id, prospect_id, channel) VALUES (100, 1, 1, {value})"
            : $"INSERT INTO touchpoints (id, campaign_id, prospect_id, channel, {column}) VALUES (100, 1, 1, 'email', {value})";

    private static string Campaign(string column, string value) =>
        $"INSERT INTO campaigns (id, name, created_at, {column}) VALUES (100, 'Case', '2025-10-08 09:00:00', {value})";

    private static string Communication(string occurredAt) =>
        $"INSERT INTO communications (id, client_id, channel, occurred_at) VALUES (100, 1, 'call', {occurredAt})";
}
