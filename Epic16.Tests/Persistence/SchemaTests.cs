using Epic16.Domain.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Tests.Persistence;

public sealed class SchemaTests(PostgresServer postgres)
{
    [Fact]
    public void SchemaScript_InRepository_MatchesTheMigrations()
    {
        var path = RepositoryRoot.Combine(Epic16SchemaScript.RelativePath);
        Assert.True(File.Exists(path), $"{Epic16SchemaScript.RelativePath} is missing: run `dotnet run --project Epic16.Dashboard -- db script`.");
        var expected = Epic16SchemaScript.Generate();
        Assert.True(expected == File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal),
            $"{Epic16SchemaScript.RelativePath} is stale: run `dotnet run --project Epic16.Dashboard -- db script`.");
        Assert.Contains("CREATE TABLE f500_prospects", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_BothPostgresContexts_HaveNoPendingModelChanges()
    {
        var connectionString = await postgres.CreateDatabaseAsync("schema");
        await using var epic16 = new PostgresEpic16Context(Epic16Stores.PostgresOptions(connectionString));
        Assert.False(epic16.Database.HasPendingModelChanges());
        Assert.Empty(await epic16.Database.GetPendingMigrationsAsync());

        await using var services = TestServices.Create(connectionString);
        await using var platform = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IDbContextFactory<PlatformContext>>(services).CreateDbContextAsync();
        Assert.False(platform.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task PostgresSchema_Epic16Tables_AreTheFifteenTargetTables()
    {
        var connectionString = await postgres.CreateDatabaseAsync("schema");
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND (table_name LIKE 'f500\\_%' OR table_name LIKE 'abm\\_%' OR table_name LIKE 'onboarding\\_%') ORDER BY 1", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Equal(
            ["abm_campaigns", "abm_content_assets", "abm_performance", "abm_touchpoints", "f500_business_cases", "f500_crm_conversions",
             "f500_lead_scoring", "f500_prospects", "f500_roi_tracking", "f500_sales_sequences", "onboarding_clients", "onboarding_communications",
             "onboarding_health_metrics", "onboarding_milestones", "onboarding_success_templates"],
            tables);
        Assert.Equal(LegacyTables.All.Select(t => t.TargetName).Order(), tables);
    }
}
