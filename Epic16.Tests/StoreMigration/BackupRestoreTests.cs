using System.Text.Json.Nodes;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.DemoData;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Epic16.Tests.StoreMigration;

public sealed class BackupRestoreTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(BackupFiles.Start);

    [Fact]
    public async Task RestoreAsync_GoodBackupAfterLiveChanges_BringsBackTheBackedUpRows()
    {
        var (legacy, service, backup) = await BackedUpAsync();
        var prospects = BackupFiles.Count(legacy, "prospects");
        var milestones = BackupFiles.Count(legacy, "milestones");
        var backedUp = BackupFiles.Snapshot(backup.Directory);
        BackupFiles.Execute(LegacyStore.Acquisition.PathIn(legacy), "DELETE FROM prospects WHERE id % 3 = 0;");
        BackupFiles.Execute(LegacyStore.Onboarding.PathIn(legacy), "DELETE FROM milestones;");
        var changed = BackupFiles.Dump(legacy);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var result = await service.RestoreAsync(backup.Directory, TestContext.Current.CancellationToken);

        Assert.Equal(prospects, BackupFiles.Count(legacy, "prospects"));
        Assert.Equal(milestones, BackupFiles.Count(legacy, "milestones"));
        Assert.Equal(backedUp, BackupFiles.Snapshot(legacy));
        Assert.NotNull(result.SafetyCopy);
        Assert.Equal(changed, BackupFiles.Dump(result.SafetyCopy));
        Assert.Equal("pre-restore", BackupManifest.Parse(File.ReadAllText(Path.Combine(result.SafetyCopy, "manifest.json"))).Reason);
        Assert.Empty(Directory.GetFiles(legacy, "*.tmp"));
    }

    [Fact]
    public async Task RestoreAsync_SafetyCopyOfARestore_UndoesIt()
    {
        var (legacy, service, backup) = await BackedUpAsync();
        BackupFiles.Execute(LegacyStore.Abm.PathIn(legacy), "DELETE FROM touchpoints;");
        var changed = BackupFiles.Dump(legacy);
        var restore = await service.RestoreAsync(backup.Directory, TestContext.Current.CancellationToken);

        await service.RestoreAsync(Path.GetFileName(restore.SafetyCopy!), TestContext.Current.CancellationToken);

        Assert.Equal(changed, BackupFiles.Dump(legacy));
        Assert.Equal(0, BackupFiles.Count(legacy, "touchpoints"));
    }

    [Fact]
    public async Task RestoreAsync_PooledConnectionOpenedBefore_SeesTheRestoredRows()
    {
        var (legacy, service, backup) = await BackedUpAsync();
        var before = BackupFiles.Count(legacy, "prospects");
        BackupFiles.Execute(LegacyStore.Acquisition.PathIn(legacy), "DELETE FROM prospects;");
        Assert.Equal(0, PooledCount(legacy));

        await service.RestoreAsync(backup.Directory, TestContext.Current.CancellationToken);

        Assert.Equal(before, PooledCount(legacy));
    }

    public static TheoryData<string> Tampering => ["byte flipped", "file missing", "count edited", "manifest entry removed", "manifest missing", "not a database"];

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task RestoreAsync_TamperedBackup_RefusesAndLeavesLiveFilesByteIdentical(string tampering)
    {
        var (legacy, service, backup) = await BackedUpAsync();
        BackupFiles.Execute(LegacyStore.Abm.PathIn(legacy), "DELETE FROM campaigns WHERE id % 2 = 1;");
        var live = BackupFiles.Snapshot(legacy);
        var manifestPath = Path.Combine(backup.Directory, "manifest.json");
        var abmCopy = Path.Combine(backup.Directory, LegacyStore.AbmFileName);
        var expected = Tamper(tampering, manifestPath, abmCopy);
        var foldersBefore = Directory.GetDirectories(_folder.Combine("backups"));

        var error = await Assert.ThrowsAsync<BackupException>(() => service.RestoreAsync(backup.Directory, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message);
        Assert.Contains("nothing", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(live, BackupFiles.Snapshot(legacy));
        Assert.Equal(foldersBefore, Directory.GetDirectories(_folder.Combine("backups")));
    }

    [Fact]
    public async Task RestoreAsync_WriterHoldsALock_RefusesAndChangesNothing()
    {
        var (legacy, service, backup) = await BackedUpAsync();
        var live = BackupFiles.Snapshot(legacy);
        using var writer = LegacySql.Open(LegacyStore.Onboarding.PathIn(legacy), SqliteOpenMode.ReadWrite);
        using var transaction = writer.BeginTransaction();
        using (var command = writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM communications;";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<BackupException>(() => service.RestoreAsync(backup.Directory, TestContext.Current.CancellationToken));
        transaction.Rollback();

        Assert.Contains(LegacyStore.OnboardingFileName, error.Message);
        Assert.Equal(live, BackupFiles.Snapshot(legacy));
    }

    [Fact]
    public async Task RestoreAsync_LiveFileCorrupt_RestoresAndKeepsTheDamagedFilesRaw()
    {
        var (legacy, service, backup) = await BackedUpAsync();
        await File.WriteAllTextAsync(LegacyStore.Abm.PathIn(legacy), "this is not a database", TestContext.Current.CancellationToken);

        var result = await service.RestoreAsync(backup.Directory, TestContext.Current.CancellationToken);

        Assert.Equal(BackupFiles.Snapshot(backup.Directory), BackupFiles.Snapshot(legacy));
        Assert.EndsWith("-pre-restore-raw", result.SafetyCopy);
        Assert.Equal("this is not a database", await File.ReadAllTextAsync(Path.Combine(result.SafetyCopy!, LegacyStore.AbmFileName), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RestoreAsync_UnknownFolder_RefusesNamingIt()
    {
        var (legacy, service, _) = await BackedUpAsync();
        var live = BackupFiles.Snapshot(legacy);

        var error = await Assert.ThrowsAsync<BackupException>(() => service.RestoreAsync("19990101T000000Z", TestContext.Current.CancellationToken));

        Assert.Contains("19990101T000000Z", error.Message);
        Assert.Equal(live, BackupFiles.Snapshot(legacy));
    }

    private static string Tamper(string tampering, string manifestPath, string abmCopy)
    {
        switch (tampering)
        {
            case "byte flipped":
                BackupFiles.FlipByte(abmCopy, new FileInfo(abmCopy).Length / 2);
                return "sha256";
            case "file missing":
                File.Delete(abmCopy);
                return $"{LegacyStore.AbmFileName} is missing";
            case "count edited":
                EditManifest(manifestPath, m => m["files"]![1]!["row_counts"]!["touchpoints"] = m["files"]![1]!["row_counts"]!["touchpoints"]!.GetValue<long>() + 1);
                return "touchpoints has";
            case "manifest entry removed":
                EditManifest(manifestPath, m => m["files"]!.AsArray().RemoveAt(1));
                return $"no entry for {LegacyStore.AbmFileName}";
            case "manifest missing":
                File.Delete(manifestPath);
                return "manifest.json";
            case "not a database":
                // Size and sha256 recomputed too, so only the SQLite check can catch it.
                File.WriteAllBytes(abmCopy, new byte[4096]);
                EditManifest(manifestPath, m =>
                {
                    m["files"]![1]!["size"] = 4096;
                    m["files"]![1]!["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[4096]));
                });
                return "cannot be read as SQLite";
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }

    private static void EditManifest(string path, Action<JsonNode> edit)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    private static long PooledCount(string legacy)
    {
        using var connection = new SqliteConnection(LegacyStore.ConnectionString(legacy));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM prospects;";
        return (long)command.ExecuteScalar()!;
    }

    private async Task<(string Legacy, BackupService Service, BackupResult Backup)> BackedUpAsync()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var service = BackupFiles.Service(legacy, _folder.Combine("backups"), _clock);
        return (legacy, service, await service.BackupAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
