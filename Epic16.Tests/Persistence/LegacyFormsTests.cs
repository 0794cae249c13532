using Epic16.Domain.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Tests.Persistence;

/// <summary>Rows written the way the legacy application wrote them read correctly through EF on SQLite.</summary>
public sealed class LegacyFormsTests(PostgresServer postgres)
{
    private static readonly DateTime Expected = new(2025, 10, 8, 14, 3, 22, DateTimeKind.Utc);

    [Theory]
    [InlineData("'2025-10-08 14:03:22'", 0)]
    [InlineData("'2025-10-08 14:03:22.123456'", 1_234_560)]
    [InlineData("'2025-10-08T14:03:22'", 0)]
    [InlineData("'2025-10-08T14:03:22.123456+00:00'", 1_234_560)]
    [InlineData("'2025-10-08T16:03:22+02:00'", 0)]
    [InlineData("'2025-10-08T14:03:22Z'", 0)]
    [InlineData("1759932202", 0)]
    public async Task Read_TimestampForm_IsUtcInstant(string sqlValue, long extraTicks)
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await scope.ExecuteLegacyAsync($"INSERT INTO prospects (id, company_name, status, created_at, updated_at) VALUES (7, 'Acme', 'identified', {sqlValue}, '')");

        await using var db = await scope.ContextAsync(StoreKind.Sqlite);
        var prospect = await db.Prospects.SingleAsync();
        Assert.Equal(Expected.AddTicks(extraTicks), prospect.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, prospect.CreatedAt.Kind);
        Assert.Null(prospect.UpdatedAt);
    }

    [Fact]
    public async Task Read_PythonLiteralsEnumsAndReal_ParseToCanonicalValues()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await scope.ExecuteLegacyAsync("""
            INSERT INTO prospects (id, company_name, status, annual_revenue_usd, lead_score, decision_makers, tech_stack, pain_points, created_at)
            VALUES (1, 'Acme', 'Qualified ', 6765.505, 81.999, '[{''name'': ''Ana Ruiz'', ''email'': None, ''role'': ''champion'', ''influence'': 4, ''primary'': True}]',
                    '[''AWS'', ''Snowflake'']', '[{"area": "ops", "severity": 3, "description": "slow"}, "plain text"]', '2025-10-08 14:03:22');
            INSERT INTO campaigns (id, name, tier, status, target_accounts, channels, start_date, end_date, created_at)
            VALUES (1, 'C', ' ONE_TO_ONE', 'Active', '[1]', NULL, '2025-10-01', '2025-12-31 00:00:00', 1759932202);
            """);

        await using var db = await scope.ContextAsync(StoreKind.Sqlite);
        var prospect = await db.Prospects.SingleAsync();
        Assert.Equal("qualified", prospect.Status);
        Assert.Equal(6765.51m, prospect.AnnualRevenueUsd);
        Assert.Equal(82.00m, prospect.LeadScore);
        Assert.Equal("Ana Ruiz", prospect.DecisionMakers![0].Name);
        Assert.Null(prospect.DecisionMakers[0].Email);
        Assert.True(prospect.DecisionMakers[0].Extra!["primary"].GetBoolean());
        Assert.Equal(["AWS", "Snowflake"], prospect.TechStack!);
        Assert.Equal("ops", prospect.PainPoints![0].Area);
        Assert.True(prospect.PainPoints[1].IsPlainText);

        var campaign = await db.Campaigns.SingleAsync();
        Assert.Equal("one_to_one", campaign.Tier);
        Assert.Equal("active", campaign.Status);
        Assert.Null(campaign.Channels);
        Assert.Equal(new DateOnly(2025, 12, 31), campaign.EndDate);
        Assert.Equal(Expected, campaign.CreatedAt);
    }

    [Fact]
    public async Task Write_NewRow_UsesCanonicalLegacyForms()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await using (var db = await scope.ContextAsync(StoreKind.Sqlite))
        {
            db.Prospects.Add(SampleEntities.Prospect());
            await db.SaveChangesAsync();
        }

        await using var connection = await LegacyConnection.OpenAsync(scope.LegacyDirectory);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT created_at, typeof(annual_revenue_usd), status, tech_stack, updated_at FROM prospects";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("2025-10-08 14:03:22.123456", reader.GetString(0));
        Assert.Equal("real", reader.GetString(1));
        Assert.Equal("qualified", reader.GetString(2));
        Assert.Equal("[]", reader.GetString(3));
        Assert.True(reader.IsDBNull(4));
    }
}
