using Epic16.Domain.Acquisition.PipelineBoard;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Epic16.Tests.Acquisition.PipelineBoard;

/// <summary>
/// PostgreSQL's per-stage totals (kept by triggers, read by the unfiltered kanban) stay equal to a GROUP BY of the
/// prospects through every way rows change: the app's writes, SQL that bypasses it, deletes, and `migrate`'s TRUNCATE + COPY.
/// </summary>
public sealed class StageTotalsTests(PostgresServer postgres)
{
    private static readonly ICurrentUser Rep = new TestUser("rep@epic16.test", AppRoles.Sales);

    [Fact]
    public async Task Totals_AfterCreatesMovesArrChangesAndDeletes_EqualAGroupByAndFeedTheBoard()
    {
        await using var scope = await StoreScope.CreateAsync(postgres, "PostgresOnly");
        var services = scope.Services.CreateScope().ServiceProvider;
        var prospects = services.GetRequiredService<ProspectService>();
        var board = services.GetRequiredService<PipelineBoardService>();
        var ids = new List<long>();
        foreach (var (name, arr) in new[] { ("Alpha", 100.25m), ("Beta", 200m), ("Gamma", 0m), ("Delta", 50.5m) })
        {
            ids.Add((await prospects.CreateProspectAsync(Rep, new ProspectInput { CompanyName = name, EstimatedArrUsd = arr, LeadScore = 50 })).Id);
        }

        await AssertTotalsMatchAsync(scope);
        Assert.True((await prospects.MoveStageAsync(Rep, ids[0], ProspectStatus.Qualified, null)).Allowed);
        Assert.True((await prospects.MoveStageAsync(Rep, ids[1], ProspectStatus.Lost, "No budget")).Allowed);
        await AssertTotalsMatchAsync(scope);

        // Writes that bypass the app: an ARR change with a stage move in one statement, a score change that moves nothing, a delete.
        await ExecuteAsync(scope, $"UPDATE f500_prospects SET estimated_arr_usd = 999.99, status = 'engaged' WHERE id = {ids[2]}");
        await ExecuteAsync(scope, "UPDATE f500_prospects SET lead_score = 70");
        await ExecuteAsync(scope, $"DELETE FROM f500_prospects WHERE id = {ids[3]}");
        await AssertTotalsMatchAsync(scope);

        var columns = await board.LoadAsync(Rep, new ProspectQuery());
        Assert.Equal((1, 100.25m), (columns.Single(c => c.Stage == ProspectStatus.Qualified).Count, columns.Single(c => c.Stage == ProspectStatus.Qualified).TotalUsd));
        Assert.Equal((1, 999.99m), (columns.Single(c => c.Stage == ProspectStatus.Engaged).Count, columns.Single(c => c.Stage == ProspectStatus.Engaged).TotalUsd));
        Assert.Equal(0, columns.Single(c => c.Stage == ProspectStatus.Identified).Count);
        Assert.Equal(3, columns.Sum(c => c.Count));
    }

    [Fact]
    public async Task Totals_AfterMigrateTruncatesAndCopies_EqualAGroupBy()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await scope.ExecuteLegacyAsync("""
            INSERT INTO prospects (id, company_name, status, estimated_arr_usd, created_at) VALUES
              (1, 'One', 'identified', 100.10, '2025-10-08 14:03:22'),
              (2, 'Two', 'IDENTIFIED', 200.20, '2025-10-08 14:03:22'),
              (3, 'Three', 'proposal', NULL, '2025-10-08 14:03:22');
            """);
        await ExecuteAsync(scope, "INSERT INTO f500_prospects (id, company_name, status, created_at, updated_at) VALUES (77, 'Stale', 'negotiation', now(), now())");
        var migrator = scope.Services.CreateScope().ServiceProvider.GetRequiredService<Migrator>();

        await migrator.MigrateAsync();
        await migrator.MigrateAsync();

        var totals = await AssertTotalsMatchAsync(scope);
        Assert.Equal(["identified:2:300.3", "proposal:1:0"], totals);
    }

    // The totals' non-empty rows, as "stage:count:arr", after checking they equal a GROUP BY of the prospects.
    private static async Task<List<string>> AssertTotalsMatchAsync(StoreScope scope)
    {
        var totals = await ReadAsync(scope, "SELECT status, prospects, arr_usd FROM pipeline_stage_totals WHERE prospects <> 0 OR arr_usd <> 0 ORDER BY status");
        var grouped = await ReadAsync(scope, "SELECT status, count(*), coalesce(sum(estimated_arr_usd), 0) FROM f500_prospects GROUP BY status ORDER BY status");
        Assert.Equal(grouped, totals);
        return totals;
    }

    private static async Task<List<string>> ReadAsync(StoreScope scope, string sql)
    {
        await using var connection = new NpgsqlConnection(scope.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)}:{reader.GetInt64(1)}:{reader.GetDecimal(2):0.##}");
        }

        return rows;
    }

    private static async Task ExecuteAsync(StoreScope scope, string sql)
    {
        await using var connection = new NpgsqlConnection(scope.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
