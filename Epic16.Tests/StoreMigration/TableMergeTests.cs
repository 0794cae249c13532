using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Npgsql;

namespace Epic16.Tests.StoreMigration;

/// <summary>
/// The validator's merge of one table by id: every kind of mismatch counted in one pass (an unreadable legacy row counts as
/// absent, so its PostgreSQL twin is extra), the first mismatches in id order up to the cap, the readable ids when asked.
/// </summary>
public sealed class TableMergeTests(PostgresServer postgres)
{
    [Fact]
    public async Task CompareAsync_CountsEveryKindInOnePass_AndNamesTheFirstMismatchesInIdOrder()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        await scope.ExecuteLegacyAsync("""
            INSERT INTO prospects (id, company_name, status, tech_stack, created_at) VALUES (1, 'One', 'engaged', '["AWS"]', '2025-10-08 14:03:22');
            INSERT INTO prospects (id, company_name, status, tech_stack, created_at) VALUES (2, 'Two', 'engaged', '["AWS"]', '2025-10-08 14:03:22');
            INSERT INTO prospects (id, company_name, status, tech_stack, created_at) VALUES (3, 'Three', 'engaged', '["AWS"]', '2025-10-08 14:03:22');
            INSERT INTO prospects (id, company_name, status, tech_stack, created_at) VALUES (4, 'Four', 'maybe', '["AWS"]', '2025-10-08 14:03:22');
            INSERT INTO prospects (id, company_name, status, tech_stack, created_at) VALUES (5, 'Five', 'engaged', '["AWS"]', '2025-10-08 14:03:22');
            """);
        Assert.Equal(3, (await MigrationKit.MigrateAsync(scope.ConnectionString, scope.LegacyDirectory)).ExitCode);
        await using (var tamper = new NpgsqlConnection(scope.ConnectionString))
        {
            await tamper.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("""
                DELETE FROM f500_prospects WHERE id = 2;
                UPDATE f500_prospects SET company_name = 'Three changed' WHERE id = 3;
                INSERT INTO f500_prospects (id, company_name, status, created_at, updated_at) VALUES (4, 'Four', 'engaged', now(), now());
                UPDATE f500_prospects SET tech_stack = '{"not": "a list"}' WHERE id = 5;
                INSERT INTO f500_prospects (id, company_name, status, created_at, updated_at) VALUES (6, 'Six', 'engaged', now(), now());
                """, tamper);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var sqlite = await LegacyConnection.OpenAsync(scope.LegacyDirectory, ct: TestContext.Current.CancellationToken);
        await using var pg = new NpgsqlConnection(scope.ConnectionString);
        await pg.OpenAsync(TestContext.Current.CancellationToken);
        var reader = new LegacyRowReader(LegacyTables.Of(typeof(Prospect)), new Dictionary<Type, HashSet<long>>());

        var diff = await TableMerge.CompareAsync(sqlite, pg, reader, 4, keepReadableIds: true, TestContext.Current.CancellationToken);

        Assert.Equal((5L, 1L, 5L), (diff.SourceRows, diff.Unreadable, diff.TargetRows));
        Assert.Equal((1L, 2L, 2L, 1L), (diff.Missing, diff.Extra, diff.Different, diff.JsonErrors));
        Assert.Equal([(2L, "missing"), (3L, "different"), (4L, "extra"), (5L, "json")], diff.FirstMismatches);
        Assert.Equal([1L, 2L, 3L, 5L], diff.ReadableIds!.Order());

        var capped = await TableMerge.CompareAsync(sqlite, pg, reader, 1, keepReadableIds: false, TestContext.Current.CancellationToken);
        Assert.Equal([(2L, "missing")], capped.FirstMismatches);
        Assert.Equal((1L, 2L, 2L, 1L), (capped.Missing, capped.Extra, capped.Different, capped.JsonErrors));
        Assert.Null(capped.ReadableIds);
    }
}
