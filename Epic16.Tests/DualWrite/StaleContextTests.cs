using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>
/// A save that waited at the write gate while the primary switched still runs on the context it was opened on: it
/// lands in both stores, and its new ids come from the new primary, so the two stores never hand out one id twice.
/// </summary>
public sealed class StaleContextTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(StoreMode.DualWriteSqlitePrimary, StoreMode.DualWritePostgresPrimary)]
    [InlineData(StoreMode.DualWritePostgresPrimary, StoreMode.DualWriteSqlitePrimary)]
    public async Task A_save_opened_before_a_switch_of_primary_lands_in_both_stores_without_id_collisions(StoreMode from, StoreMode to)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, from.ToString());
        await DualWriteKit.AddProspectAsync(scope.Router, "Before the switch", ct);

        await using var stale = await scope.Router.CreateContextAsync(ct);
        Assert.Equal(StoreModeState.PrimaryOf(from), stale.Store);
        var late = SampleEntities.Prospect("Saved late, on the old primary's context");
        stale.Prospects.Add(late);

        await scope.Services.GetRequiredService<StoreModes>().SwitchAsync(SystemUser.Cli, to, "switch of primary", new ModeFigures(0, 0, 100, 0, 0, 0, 0, 0, 0), ct: ct);
        await scope.Services.GetRequiredService<SequenceControl>().AlignAsync(ct);
        var fresh = await DualWriteKit.AddProspectAsync(scope.Router, "After the switch, on the new primary", ct);
        await stale.SaveChangesAsync(ct);
        var after = await DualWriteKit.AddProspectAsync(scope.Router, "After the late save", ct);

        Assert.Equal(3, new[] { late.Id, fresh, after }.Distinct().Count());
        foreach (var store in new[] { StoreKind.Sqlite, StoreKind.Postgres })
        {
            await using var db = await scope.Router.CreateBackgroundContextAsync(store);
            var rows = await db.Prospects.ToDictionaryAsync(p => p.Id, p => p.CompanyName, ct);
            Assert.Equal(4, rows.Count);
            Assert.Equal("Saved late, on the old primary's context", rows[late.Id]);
        }

        Assert.Equal(0, scope.Services.GetRequiredService<MirrorLog>().Totals().Failures);
        Assert.Equal(0, (await DualWriteKit.ReconcileAsync(scope, StoreModeState.PrimaryOf(to))).Found);
    }
}
