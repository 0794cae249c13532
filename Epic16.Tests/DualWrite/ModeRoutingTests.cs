using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>The mode decides where a write lands: one store in the single-store modes, both (same ids, equal values) in the dual-write modes.</summary>
public sealed class ModeRoutingTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(StoreMode.SqliteOnly, true, false)]
    [InlineData(StoreMode.DualWriteSqlitePrimary, true, true)]
    [InlineData(StoreMode.DualWritePostgresPrimary, true, true)]
    [InlineData(StoreMode.PostgresOnly, false, true)]
    public async Task Write_in_each_mode_lands_in_exactly_the_right_stores(StoreMode mode, bool inSqlite, bool inPostgres)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode.ToString());
        Assert.Equal(mode, scope.Router.Mode);

        await DualWriteKit.WriteGraphAsync(scope.Router);

        var sqlite = await DualWriteKit.CountsAsync(scope, StoreKind.Sqlite);
        var pg = await DualWriteKit.CountsAsync(scope, StoreKind.Postgres);
        var expected = new Dictionary<string, long> { ["prospects"] = 1, ["lead_scoring"] = 1, ["business_cases"] = 1, ["touchpoints"] = 1, ["milestones"] = 2, ["communications"] = 1 };
        var none = expected.ToDictionary(e => e.Key, _ => 0L);
        Assert.Equal(inSqlite ? expected : none, sqlite);
        Assert.Equal(inPostgres ? expected : none, pg);
        var totals = scope.Services.GetRequiredService<MirrorLog>().Totals();
        Assert.Equal(0, totals.Failures);
        Assert.Equal(inSqlite && inPostgres ? 7 : 0, totals.WritesMirrored);
    }

    [Theory]
    [InlineData(StoreMode.DualWriteSqlitePrimary)]
    [InlineData(StoreMode.DualWritePostgresPrimary)]
    public async Task Mirrored_writes_keep_json_money_and_dates_equal_parity_100(StoreMode mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode.ToString());
        await DualWriteKit.WriteGraphAsync(scope.Router);

        var primary = StoreModeState.PrimaryOf(mode);
        var report = await DualWriteKit.ReconcileAsync(scope, primary);

        Assert.Null(report.Error);
        Assert.Equal(0, report.Found);
        Assert.Equal(100m, report.ParityBeforePercent);
        Assert.Equal(16, report.Tables.Sum(t => t.PrimaryRows));
        Assert.All(report.Tables, t => Assert.Equal(t.PrimaryRows, t.SecondaryRows));

        // The hourly figures reach the report table through the buffered writer, not through the users' saves.
        await scope.Services.GetRequiredService<DualWriteHourWriter>().FlushAsync(TestContext.Current.CancellationToken);
        var hours = await scope.Services.GetRequiredService<DualWriteReport>().HoursAsync(DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(1), TestContext.Current.CancellationToken);
        var hour = Assert.Single(hours);
        Assert.Equal((7L, 0L, 0L, 0L), (hour.WritesMirrored, hour.Failures, hour.DriftFound, hour.DriftRepaired));
        Assert.True(hour.PrimaryP95 > TimeSpan.Zero && hour.SecondaryP95 > TimeSpan.Zero);
    }
}
