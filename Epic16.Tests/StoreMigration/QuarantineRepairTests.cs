using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Tests.StoreMigration;

/// <summary>An admin corrects a quarantined raw value: checked by the same parser, then released and migrated.</summary>
public sealed class QuarantineRepairTests(PostgresServer postgres)
{
    [Fact]
    public async Task Repair_ValidCorrection_ReleasesAndMigratesTheRow()
    {
        await using var scope = await MigratedDemoAsync();
        var entry = await EntryAsync(scope, "communications");

        var result = await Repair(scope).RepairAsync(SystemUser.Cli, entry.Id, "2025-02-28 10:15:00");

        Assert.True(result.Released);
        Assert.True(result.Migrated);
        await using var pg = await scope.ContextAsync(StoreKind.Postgres);
        var row = await pg.Communications.SingleAsync(c => c.Id == entry.LegacyId);
        Assert.Equal(new DateTime(2025, 2, 28, 10, 15, 0, DateTimeKind.Utc), row.OccurredAt);
        await using var sqlite = await scope.ContextAsync(StoreKind.Sqlite);
        Assert.NotNull(await sqlite.Communications.SingleOrDefaultAsync(c => c.Id == entry.LegacyId));
        Assert.NotNull((await EntryAsync(scope, "communications")).ResolvedAt);
    }

    [Fact]
    public async Task Repair_OrphanPointedAtARealProspect_IsMigrated()
    {
        await using var scope = await MigratedDemoAsync();
        var entry = await EntryAsync(scope, "touchpoints");

        var result = await Repair(scope).RepairAsync(SystemUser.Cli, entry.Id, "1");

        Assert.True(result.Migrated);
        await using var pg = await scope.ContextAsync(StoreKind.Postgres);
        Assert.Equal(1, (await pg.Touchpoints.SingleAsync(t => t.Id == entry.LegacyId)).ProspectId);
    }

    [Fact]
    public async Task Repair_StillInvalid_IsRefusedAndChangesNothing()
    {
        await using var scope = await MigratedDemoAsync();
        var entry = await EntryAsync(scope, "communications");
        var before = await RawAsync(scope, entry.LegacyId);

        var result = await Repair(scope).RepairAsync(SystemUser.Cli, entry.Id, "2025-02-31 10:15:00");

        Assert.False(result.Released);
        Assert.Contains(result.Problems, p => p.StartsWith("occurred_at:", StringComparison.Ordinal));
        Assert.Equal(before, await RawAsync(scope, entry.LegacyId));
        Assert.Null((await EntryAsync(scope, "communications")).ResolvedAt);
    }

    [Fact]
    public async Task Repair_NonAdmin_IsRefused()
    {
        await using var scope = await MigratedDemoAsync();
        var entry = await EntryAsync(scope, "communications");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Repair(scope).RepairAsync(new TestUser("sales@x.test", AppRoles.Sales), entry.Id, "2025-02-28 10:15:00"));
        Assert.Null((await EntryAsync(scope, "communications")).ResolvedAt);
    }

    private async Task<StoreScope> MigratedDemoAsync()
    {
        var scope = await StoreScope.CreateAsync(postgres, fillLegacy: async dir =>
        {
            foreach (var file in Directory.GetFiles(dir))
            {
                File.Delete(file);
            }

            await DemoDataGenerator.GenerateAsync(dir);
        });
        var report = await scope.Services.CreateScope().ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        Assert.Equal(3, report.QuarantinedRows);
        return scope;
    }

    private static QuarantineRepair Repair(StoreScope scope) => scope.Services.CreateScope().ServiceProvider.GetRequiredService<QuarantineRepair>();

    private static async Task<QuarantinedRow> EntryAsync(StoreScope scope, string table)
    {
        await using var db = await scope.Services.GetRequiredService<IDbContextFactory<PlatformContext>>().CreateDbContextAsync();
        return await db.Quarantine.AsNoTracking().SingleAsync(q => q.LegacyTable == table);
    }

    private static async Task<string?> RawAsync(StoreScope scope, long id)
    {
        await using var connection = await LegacyConnection.OpenAsync(scope.LegacyDirectory);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT occurred_at FROM communications WHERE id = {id}";
        return (string?)await command.ExecuteScalarAsync();
    }
}
