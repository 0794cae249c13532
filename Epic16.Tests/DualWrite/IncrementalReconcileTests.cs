using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.DualWrite;

/// <summary>
/// The changed-keys reconcile on real stores in DualWriteSqlitePrimary: app writes whose mirror failed are repaired by
/// the next changed pass; with nothing changed it reads nothing; a legacy script's write straight into SQLite is found
/// only by the full pass; the watermark is in PostgreSQL, so a new instance goes on where the last one stopped.
/// </summary>
public sealed class IncrementalReconcileTests(PostgresServer postgres)
{
    [Fact]
    public async Task Changed_pass_repairs_app_writes_whose_mirror_failed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "DualWriteSqlitePrimary");
        var alpha = await DualWriteKit.AddProspectAsync(scope.Router, "Alpha", ct);
        var doomed = await DualWriteKit.AddProspectAsync(scope.Router, "Blocked Delete Me", ct);
        var service = scope.Services.GetRequiredService<ReconcilerService>();
        Assert.Equal(0, (await service.RunOnceAsync(ReconcilePass.Full, ct))!.Found);

        // PostgreSQL refuses the mirror of every row named "Blocked…": an insert, an update and a delete go unmirrored.
        await BlockMirrorAsync(scope);
        var added = await DualWriteKit.AddProspectAsync(scope.Router, "Blocked New", ct);
        await using (var db = await scope.Router.CreateContextAsync())
        {
            (await db.Prospects.SingleAsync(p => p.Id == alpha, ct)).CompanyName = "Blocked Renamed";
            await db.SaveChangesAsync(ct);
        }

        await using (var db = await scope.Router.CreateContextAsync())
        {
            db.Prospects.Remove(await db.Prospects.SingleAsync(p => p.Id == doomed, ct));
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(3, scope.Services.GetRequiredService<MirrorLog>().Totals().Failures);
        Assert.NotEqual(await DualWriteKit.CompaniesAsync(scope, StoreKind.Sqlite), await DualWriteKit.CompaniesAsync(scope, StoreKind.Postgres));
        await UnblockMirrorAsync(scope);

        var report = (await service.RunOnceAsync(ReconcilePass.Changed, ct))!;

        Assert.Null(report.Error);
        Assert.Equal(ReconcilePass.Changed, report.Pass);
        Assert.Equal(3, report.ChangedKeys);
        var prospects = report.Tables.Single(t => t.Table == "f500_prospects");
        Assert.Equal((1L, 1L, 1L, 3L), (prospects.Missing, prospects.Different, prospects.Extra, prospects.Repaired));
        // Only the changed keys were read: the three ids on the primary (one deleted) and on the secondary.
        Assert.Equal((2L, 2L), (prospects.PrimaryRows, prospects.SecondaryRows));
        Assert.All(report.Tables.Where(t => t.Table != "f500_prospects"), t => Assert.Equal(0, t.PrimaryRows + t.SecondaryRows));
        Assert.True(report.InSync);
        Assert.Equal(new[] { "Blocked New", "Blocked Renamed" }, (await DualWriteKit.CompaniesAsync(scope, StoreKind.Postgres)).Order().ToArray());
        Assert.Equal(await DualWriteKit.CompaniesAsync(scope, StoreKind.Sqlite), await DualWriteKit.CompaniesAsync(scope, StoreKind.Postgres));
        Assert.True(added > doomed);

        var full = (await service.RunOnceAsync(ReconcilePass.Full, ct))!;
        Assert.Equal((0L, 2L), (full.Found, full.Tables.Single(t => t.Table == "f500_prospects").PrimaryRows));
    }

    [Fact]
    public async Task Changed_pass_with_nothing_changed_reads_no_table()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "DualWriteSqlitePrimary");
        await DualWriteKit.WriteGraphAsync(scope.Router);
        var service = scope.Services.GetRequiredService<ReconcilerService>();
        var full = (await service.RunOnceAsync(ReconcilePass.Full, ct))!;
        Assert.Equal((0L, 16L), (full.Found, full.Tables.Sum(t => t.PrimaryRows)));

        // A table on each side out of the way: any pass that reads it fails (a full pass proves the probe works).
        await MoveCommunicationsAsync(scope, "onboarding_communications_away", "communications_away");
        try
        {
            var idle = (await service.RunOnceAsync(ReconcilePass.Changed, ct))!;

            Assert.Null(idle.Error);
            Assert.Equal(ReconcilePass.Changed, idle.Pass);
            Assert.Equal(0, idle.ChangedKeys);
            Assert.Equal(0, idle.Tables.Sum(t => t.PrimaryRows + t.SecondaryRows));
            Assert.Equal(15, idle.Tables.Count);
            Assert.True(idle.InSync);
            Assert.NotNull((await service.RunOnceAsync(ReconcilePass.Full, ct))!.Error);
        }
        finally
        {
            await MoveCommunicationsAsync(scope, "onboarding_communications", "communications", from: ("onboarding_communications_away", "communications_away"));
        }

        // One write later, the changed pass reads exactly that row on each side.
        await DualWriteKit.AddProspectAsync(scope.Router, "One more", ct);
        var one = (await service.RunOnceAsync(ReconcilePass.Changed, ct))!;
        Assert.Equal((1L, 0L), (one.ChangedKeys, one.Found));
        Assert.Equal(2, one.Tables.Sum(t => t.PrimaryRows + t.SecondaryRows));
    }

    [Fact]
    public async Task Legacy_script_write_into_sqlite_is_found_by_the_full_pass_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "DualWriteSqlitePrimary");
        var edited = await DualWriteKit.AddProspectAsync(scope.Router, "Gamma", ct);
        var removed = await DualWriteKit.AddProspectAsync(scope.Router, "Delta", ct);
        var service = scope.Services.GetRequiredService<ReconcilerService>();
        Assert.Equal(0, (await service.RunOnceAsync(ReconcilePass.Full, ct))!.Found);

        await scope.ExecuteLegacyAsync($"UPDATE prospects SET notes = 'written by a legacy script' WHERE id = {edited}; DELETE FROM prospects WHERE id = {removed};");

        var changed = (await service.RunOnceAsync(ReconcilePass.Changed, ct))!;
        Assert.Equal((0L, 0L), (changed.ChangedKeys, changed.Found));

        var full = (await service.RunOnceAsync(ReconcilePass.Full, ct))!;
        var prospects = full.Tables.Single(t => t.Table == "f500_prospects");
        Assert.Equal((0L, 1L, 1L, 2L), (prospects.Missing, prospects.Different, prospects.Extra, prospects.Repaired));
        await using var db = await scope.Router.CreateBackgroundContextAsync(StoreKind.Postgres);
        Assert.Equal("written by a legacy script", (await db.Prospects.SingleAsync(p => p.Id == edited, ct)).Notes);
        Assert.False(await db.Prospects.AnyAsync(p => p.Id == removed, ct));
    }

    [Fact]
    public async Task Watermark_survives_a_restart_and_the_new_instance_repairs_only_what_changed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await StoreScope.CreateAsync(postgres, "DualWriteSqlitePrimary");
        await DualWriteKit.WriteGraphAsync(scope.Router);
        var first = (await scope.Services.GetRequiredService<ReconcilerService>().RunOnceAsync(ct))!;
        Assert.Equal(ReconcilePass.Full, first.Pass);

        await BlockMirrorAsync(scope);
        await DualWriteKit.AddProspectAsync(scope.Router, "Blocked After", ct);
        await DualWriteKit.AddProspectAsync(scope.Router, "Fine After 1", ct);
        await DualWriteKit.AddProspectAsync(scope.Router, "Fine After 2", ct);
        await UnblockMirrorAsync(scope);

        // A new instance (a restarted app): the last full pass and the watermark come from PostgreSQL, not memory.
        await using var restarted = TestServices.Create(scope.ConnectionString, new Dictionary<string, string?>
        {
            ["Legacy:Directory"] = scope.LegacyDirectory,
            ["Store:Mode"] = "DualWriteSqlitePrimary",
        });
        var watermark = await restarted.GetRequiredService<ReconcileWatermarks>().ReadAsync(ct);
        Assert.NotNull(watermark?.LastFullAt);
        var service = restarted.GetRequiredService<ReconcilerService>();
        var next = (await service.RunOnceAsync(ct))!;

        Assert.Equal(ReconcilePass.Changed, next.Pass);
        Assert.Equal(3, next.ChangedKeys);
        Assert.Equal((1L, 1L), (next.Found, next.Repaired));
        Assert.Equal(await DualWriteKit.CompaniesAsync(scope, StoreKind.Sqlite), await DualWriteKit.CompaniesAsync(scope, StoreKind.Postgres));
        var moved = await restarted.GetRequiredService<ReconcileWatermarks>().ReadAsync(ct);
        Assert.True(moved!.Seq > watermark!.Seq);
        await using (var platform = await restarted.GetRequiredService<IDbContextFactory<PlatformContext>>().CreateDbContextAsync(ct))
        {
            Assert.Equal(0, await platform.ChangedKeys.CountAsync(ct));
        }

        var idle = (await service.RunOnceAsync(ct))!;
        Assert.Equal((ReconcilePass.Changed, 0L, 0L), (idle.Pass, idle.ChangedKeys, idle.Found));
    }

    [Fact]
    public async Task Keys_saved_while_postgres_is_down_are_kept_and_the_next_changed_pass_repairs_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await StoppableCluster.StartAsync();
        using var legacy = new TempFolder();
        await Epic16.Domain.Persistence.Legacy.LegacyStore.CreateAsync(legacy.Path);
        await using var services = TestServices.Create(cluster.ConnectionString, new Dictionary<string, string?>
        {
            ["Legacy:Directory"] = legacy.Path,
            ["Store:Mode"] = "DualWriteSqlitePrimary",
        });
        var router = services.GetRequiredService<IStoreRouter>();
        var service = services.GetRequiredService<ReconcilerService>();
        await DualWriteKit.AddProspectAsync(router, "Before outage", ct);
        Assert.Equal(ReconcilePass.Full, (await service.RunOnceAsync(ct))!.Pass);

        await cluster.StopServerAsync();
        for (var i = 0; i < 3; i++)
        {
            await DualWriteKit.AddProspectAsync(router, $"During outage {i}", ct);
        }

        // Neither the mirror nor the key record reached PostgreSQL; the keys wait in memory.
        Assert.Equal(3, services.GetRequiredService<ChangedKeyRecorder>().Pending);
        await cluster.StartServerAsync();
        ReconcileReport? healed = null;
        for (var attempt = 0; attempt < 3 && (healed is null || healed.Error is not null); attempt++)
        {
            // A pooled connection the restart broke fails one pass, as in the background service.
            healed = await service.RunOnceAsync(ct);
        }

        Assert.Null(healed!.Error);
        Assert.Equal((ReconcilePass.Changed, 3L, 3L, 3L), (healed.Pass, healed.ChangedKeys, healed.Found, healed.Repaired));
        Assert.Equal(0, services.GetRequiredService<ChangedKeyRecorder>().Pending);
        await using (var db = await router.CreateBackgroundContextAsync(StoreKind.Postgres, ct))
        {
            Assert.Equal(4, await db.Prospects.CountAsync(ct));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    internal static Task BlockMirrorAsync(StoreScope scope) => DualWriteKit.ExecutePostgresAsync(scope.ConnectionString, """
        CREATE FUNCTION test_block_mirror() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (TG_OP = 'DELETE' AND OLD.company_name LIKE 'Blocked%') OR (TG_OP <> 'DELETE' AND NEW.company_name LIKE 'Blocked%') THEN
                RAISE EXCEPTION 'mirror blocked by the test';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$;
        CREATE TRIGGER test_block_mirror BEFORE INSERT OR UPDATE OR DELETE ON f500_prospects FOR EACH ROW EXECUTE FUNCTION test_block_mirror();
        """);

    internal static Task UnblockMirrorAsync(StoreScope scope) => DualWriteKit.ExecutePostgresAsync(scope.ConnectionString,
        "DROP TRIGGER test_block_mirror ON f500_prospects; DROP FUNCTION test_block_mirror();");

    private static async Task MoveCommunicationsAsync(StoreScope scope, string postgresName, string legacyName, (string Postgres, string Legacy)? from = null)
    {
        var (pgFrom, legacyFrom) = from ?? ("onboarding_communications", "communications");
        await DualWriteKit.ExecutePostgresAsync(scope.ConnectionString, $"ALTER TABLE {pgFrom} RENAME TO {postgresName}");
        await scope.ExecuteLegacyAsync($"ALTER TABLE {legacyFrom} RENAME TO {legacyName}");
    }
}
