using Epic16.Domain.DemoData;
using Epic16.Tests.TestSupport;
using Npgsql;

namespace Epic16.Tests.StoreMigration;

/// <summary>validate sees what changed behind the migration's back: missing, extra and different rows, and the figures that moved.</summary>
public sealed class ValidationMismatchTests(PostgresServer postgres)
{
    [Fact]
    public async Task Validate_TamperedPostgres_ExitsFourWithCountsSamplesAndFigureVariance()
    {
        using var legacy = new TempFolder();
        await DemoDataGenerator.GenerateAsync(legacy.Path);
        var connectionString = await postgres.CreateDatabaseAsync("mismatch");
        Assert.Equal(3, (await MigrationKit.MigrateAsync(connectionString, legacy.Path)).ExitCode);
        await ExecuteAsync(connectionString, """
            UPDATE f500_prospects SET estimated_arr_usd = estimated_arr_usd + 1000 WHERE id = 5;
            DELETE FROM abm_touchpoints WHERE id = 10;
            INSERT INTO onboarding_communications (id, client_id, channel, direction, occurred_at) VALUES (999999, 1, 'call', 'inbound', now());
            """);

        var run = await MigrationKit.ValidateAsync(connectionString, legacy.Path);

        Assert.True(run.ExitCode == 4, run.ToString());
        var tables = run.Json.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("target_table").GetString()!);
        Assert.Equal(1, tables["f500_prospects"].GetProperty("different").GetInt64());
        Assert.Equal(1, tables["abm_touchpoints"].GetProperty("missing").GetInt64());
        Assert.Equal(1, tables["onboarding_communications"].GetProperty("extra").GetInt64());
        Assert.True(tables["f500_prospects"].GetProperty("parity_percent").GetDecimal() < 100m);
        Assert.Equal(100m, tables["f500_business_cases"].GetProperty("parity_percent").GetDecimal());
        var sample = run.Json.GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("target_table").GetString() == "f500_prospects");
        var column = Assert.Single(sample.GetProperty("columns").EnumerateArray());
        Assert.Equal("estimated_arr_usd", column.GetProperty("column").GetString());
        Assert.NotEqual(column.GetProperty("sqlite").GetString(), column.GetProperty("postgres").GetString());
        var arr = run.Json.GetProperty("business_figures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "estimated_arr_usd");
        Assert.True(arr.GetProperty("variance_percent").GetDecimal() > 0);
        Assert.False(run.Json.GetProperty("matches").GetBoolean());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
