using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;

namespace Epic16.Tests.Acquisition.RoiTracking;

/// <summary>Every case runs with the legacy SQLite files as the store and again with PostgreSQL.</summary>
public sealed class RoiTrackingServiceTests(PostgresServer postgres)
{
    private static readonly TestUser Rep = TestUser.Rep;

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task HistoryAsync_MonthsRecordedOutOfOrder_GivesRunningTotalsAndRoi(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (roi, id) = await SetUpAsync(scope);

        await roi.RecordMonthAsync(Rep, id, "2026-03", 5_000m, 12_500.255m, "Pilot live");
        await roi.RecordMonthAsync(Rep, id, "2026-01", 10_000m, 0m, null);
        var february = await roi.RecordMonthAsync(Rep, id, " 2026-02 ", 2_500m, 1_000m, "  ");

        var history = await roi.HistoryAsync(Rep, id);

        Assert.Equal(["2026-01", "2026-02", "2026-03"], history.Select(m => m.Period));
        Assert.Equal([10_000m, 12_500m, 17_500m], history.Select(m => m.CumulativeInvestedUsd));
        Assert.Equal([0m, 1_000m, 13_500.26m], history.Select(m => m.CumulativeRealizedUsd));
        Assert.Equal([-100m, -92m, -22.86m], history.Select(m => m.CumulativeRoiPercent!.Value));
        Assert.Equal(12_500.26m, history[2].RealizedValueUsd);
        Assert.Equal(("Pilot live", (string?)null), (history[2].Notes, history[1].Notes));
        Assert.Equal(history[1], february);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task RecordMonthAsync_SameMonthAgain_UpdatesTheOneRow(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (roi, id) = await SetUpAsync(scope);
        await roi.RecordMonthAsync(Rep, id, "2026-04", 1_000m, 0m, "first guess");

        var updated = await roi.RecordMonthAsync(Rep, id, "2026-04", 1_200m, 300m, "corrected");

        Assert.Equal((1_200m, 300m, 1_200m, -75m, "corrected"), (updated.InvestedUsd, updated.RealizedValueUsd, updated.CumulativeInvestedUsd, updated.CumulativeRoiPercent!.Value, updated.Notes));
        await using var db = await scope.ContextAsync(StoreOf(mode));
        var row = await db.RoiEntries.AsNoTracking().SingleAsync();
        Assert.Equal(("2026-04", 1_200m, 300m, "corrected"), (row.Period, row.InvestedUsd, row.RealizedValueUsd, row.Notes));
        Assert.Equal(updated.Id, row.Id);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task RecordMonthAsync_BadInput_GivesFieldMessagesAndSavesNothing(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (roi, id) = await SetUpAsync(scope);

        var bad = await Assert.ThrowsAsync<RoiValidationException>(() => roi.RecordMonthAsync(Rep, id, "2026-13", -1m, -0.01m, null));
        var shortYear = await Assert.ThrowsAsync<RoiValidationException>(() => roi.RecordMonthAsync(Rep, id, "26-01", 1m, 1m, null));
        var noProspect = await Assert.ThrowsAsync<RoiValidationException>(() => roi.RecordMonthAsync(Rep, id + 99, "2026-01", 1m, 1m, null));

        Assert.Contains("YYYY-MM", bad.Errors["Period"]);
        Assert.Contains("cannot be negative", bad.Errors["InvestedUsd"]);
        Assert.Contains("cannot be negative", bad.Errors["RealizedValueUsd"]);
        Assert.Equal(["Period"], shortYear.Errors.Keys);
        Assert.Equal(["ProspectId"], noProspect.Errors.Keys);
        Assert.Contains($"no prospect with id {id + 99}", noProspect.Errors["ProspectId"]);
        await using var db = await scope.ContextAsync(StoreOf(mode));
        Assert.Equal(0, await db.RoiEntries.CountAsync());
    }

    [Fact]
    public async Task HistoryAsync_SameMonthsOnBothStores_GivesEqualRows()
    {
        var results = new List<string>();
        foreach (var mode in new BothStores())
        {
            await using var scope = await StoreScope.CreateAsync(postgres, mode);
            var (roi, id) = await SetUpAsync(scope);
            await roi.RecordMonthAsync(Rep, id, "2025-12", 3_333.335m, 0.1m, "a");
            await roi.RecordMonthAsync(Rep, id, "2026-01", 0.1m, 7_777.775m, "b");
            await roi.RecordMonthAsync(Rep, id, "2025-12", 3_333.345m, 0.2m, "c");
            var history = await roi.HistoryAsync(Rep, id);
            results.Add(string.Join("\n", history.Select(m => $"{m.Period},{m.InvestedUsd},{m.RealizedValueUsd},{m.CumulativeInvestedUsd},{m.CumulativeRealizedUsd},{m.CumulativeRoiPercent},{m.Notes}")));
        }

        Assert.Equal(results[0], results[1]);
        Assert.Equal("2025-12,3333.35,0.20,3333.35,0.20,-99.99,c\n2026-01,0.10,7777.78,3333.45,7777.98,133.33,b", results[0]);
    }

    [Theory]
    [ClassData(typeof(BothStores))]
    public async Task EveryOperation_CustomerSuccessUser_IsDenied(string mode)
    {
        await using var scope = await StoreScope.CreateAsync(postgres, mode);
        var (roi, id) = await SetUpAsync(scope);
        await roi.RecordMonthAsync(Rep, id, "2026-01", 1m, 2m, null);

        await Assert.ThrowsAsync<AccessDeniedException>(() => roi.RecordMonthAsync(TestUser.Csm, id, "2026-01", 5m, 5m, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => roi.HistoryAsync(TestUser.Csm, id));

        Assert.Equal(1m, (await roi.HistoryAsync(Rep, id)).Single().InvestedUsd);
    }

    [Fact]
    public void RoiPercent_NothingInvested_IsNull()
    {
        Assert.Null(RoiTrackingService.RoiPercent(0m, 500m));
        Assert.Equal(150m, RoiTrackingService.RoiPercent(200m, 500m));
    }

    private static async Task<(RoiTrackingService Roi, long ProspectId)> SetUpAsync(StoreScope scope)
    {
        var services = scope.Services.CreateScope().ServiceProvider;
        var id = (await services.GetRequiredService<ProspectService>().CreateProspectAsync(Rep, new ProspectInput { CompanyName = "Acme Corp" })).Id;
        return (services.GetRequiredService<RoiTrackingService>(), id);
    }

    private static StoreKind StoreOf(string mode) => mode == "PostgresOnly" ? StoreKind.Postgres : StoreKind.Sqlite;
}
