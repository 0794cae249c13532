using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Tests.DemoData;

public sealed class DemoDataSeederTests
{
    // Never asked for a context: these runs skip the CRM.
    private static readonly DemoDataSeeder Seeder = new(new NoPlatform());

    [Fact]
    public async Task SeedAsync_SkipCrm_MovesThreeCompleteFilesIntoPlaceAndLeavesNoStaging()
    {
        using var folder = new TempFolder();
        var target = folder.Combine("legacy");

        var report = await Seeder.SeedAsync(target, 1, force: false, skipCrm: true, TestContext.Current.CancellationToken);

        Assert.Null(report.Crm);
        Assert.Equal(LegacyStore.Files.Select(f => f.FileName).Order(), Directory.GetFileSystemEntries(target).Select(Path.GetFileName).Order());
        LegacyStore.EnsureReadable(target);
        Assert.Equal(report.Data.RowsPerTable["prospects"], LegacySql.Count(target, "prospects"));
    }

    [Fact]
    public async Task SeedAsync_ExistingFilesWithoutForce_ThrowsAndWritesNothing()
    {
        using var folder = new TempFolder();
        await Seeder.SeedAsync(folder.Path, 1, force: false, skipCrm: true, TestContext.Current.CancellationToken);
        File.AppendAllText(LegacyStore.Abm.PathIn(folder.Path), "");
        var before = Directory.GetFiles(folder.Path).ToDictionary(f => f, File.ReadAllBytes);

        var e = await Assert.ThrowsAsync<IOException>(() => Seeder.SeedAsync(folder.Path, 1, force: false, skipCrm: true, TestContext.Current.CancellationToken));

        Assert.Contains("--force", e.Message);
        Assert.Equal(before.Keys.Order(), Directory.GetFileSystemEntries(folder.Path).Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));
    }

    [Fact]
    public async Task SeedAsync_ForceOverExistingFiles_ReplacesThemAndDropsStaleJournals()
    {
        using var folder = new TempFolder();
        File.WriteAllText(LegacyStore.Acquisition.PathIn(folder.Path), "not a database");
        File.WriteAllText(LegacyStore.Acquisition.PathIn(folder.Path) + "-journal", "stale");

        await Seeder.SeedAsync(folder.Path, 1, force: true, skipCrm: true, TestContext.Current.CancellationToken);

        LegacyStore.EnsureReadable(folder.Path);
        Assert.False(File.Exists(LegacyStore.Acquisition.PathIn(folder.Path) + "-journal"));
    }

    [Fact]
    public async Task SeedAsync_CrmFails_LeavesNoFilesBehind()
    {
        using var folder = new TempFolder();
        var target = folder.Combine("legacy");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Seeder.SeedAsync(target, 1, force: false, skipCrm: false, TestContext.Current.CancellationToken));

        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    private sealed class NoPlatform : IDbContextFactory<PlatformContext>
    {
        public PlatformContext CreateDbContext() => throw new InvalidOperationException("PostgreSQL is not part of these tests.");
    }
}
