using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.DemoData;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Epic16.Tests.StoreMigration;

/// <summary>The three legacy files are restored together or not at all: a failure or a kill after the first swap leaves the old set.</summary>
public sealed class RestoreSwapTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(BackupFiles.Start);

    [Fact]
    public async Task RestoreAsync_FaultAfterTheFirstFileIsSwapped_LeavesTheOldFilesByteIdentical()
    {
        var (legacy, service, backup) = await ChangedAfterBackupAsync();
        var before = Hashes(legacy);
        var swapped = new List<string>();
        service.AfterFileSwapped = path =>
        {
            swapped.Add(path);
            // The first file is the restored one now; the others are still the old ones.
            Assert.NotEqual(before[Path.GetFileName(path)], Sha(path));
            throw new IOException("disk full (injected after the first file was swapped)");
        };

        var error = await Assert.ThrowsAsync<IOException>(() => service.RestoreAsync(backup.Directory, TestContext.Current.CancellationToken));

        Assert.Contains("injected", error.Message);
        Assert.Single(swapped);
        Assert.Equal(before, Hashes(legacy));
        Assert.Empty(Directory.GetFiles(legacy, ".*"));
        // And the next restore, without the fault, goes through.
        service.AfterFileSwapped = null;
        await service.RestoreAsync(backup.Directory, TestContext.Current.CancellationToken);
        Assert.Equal(Hashes(backup.Directory), Hashes(legacy));
        Assert.Empty(Directory.GetFiles(legacy, ".*"));
    }

    [Fact]
    public async Task A_restore_killed_after_the_first_swap_is_undone_by_the_next_backup_with_the_old_files_byte_identical()
    {
        var (legacy, service, backup) = await ChangedAfterBackupAsync();
        var before = Hashes(legacy);

        // What a process killed right after the first swap leaves on disk: the journal, the first file restored with the
        // old one moved aside, the other two staged copies beside untouched live files. Nothing runs after the kill.
        var staged = LegacyStore.Files.Select(f =>
        {
            var temp = Path.Combine(legacy, $".{f.FileName}.restore-test.tmp");
            File.Copy(f.PathIn(backup.Directory), temp);
            return (temp, f.PathIn(legacy));
        }).ToList();
        var swap = RestoreSwap.Begin(legacy, staged);
        swap.SwapNext();
        Assert.NotEqual(before, Hashes(legacy));

        // The restarted process: a new service over the same folders; its first backup puts the old set back first.
        var restarted = BackupFiles.Service(legacy, _folder.Combine("backups"), _clock);
        var next = await restarted.BackupAsync(TestContext.Current.CancellationToken);

        Assert.Equal(before, Hashes(legacy));
        Assert.Empty(Directory.GetFiles(legacy, ".*"));
        Assert.Equal(BackupFiles.Dump(legacy), BackupFiles.Dump(next.Directory));
    }

    [Fact]
    public async Task A_restore_killed_after_the_first_swap_is_undone_before_the_next_restore_runs()
    {
        var (legacy, service, backup) = await ChangedAfterBackupAsync();
        var before = Hashes(legacy);
        var changed = BackupFiles.Dump(legacy);
        var staged = LegacyStore.Files.Select(f =>
        {
            var temp = Path.Combine(legacy, $".{f.FileName}.restore-test.tmp");
            File.Copy(f.PathIn(backup.Directory), temp);
            return (temp, f.PathIn(legacy));
        }).ToList();
        RestoreSwap.Begin(legacy, staged).SwapNext();

        var result = await BackupFiles.Service(legacy, _folder.Combine("backups"), _clock).RestoreAsync(backup.Directory, TestContext.Current.CancellationToken);

        // The safety copy holds the old set whole (not the mix the kill left), and the restore itself went through.
        Assert.Equal(changed, BackupFiles.Dump(result.SafetyCopy!));
        Assert.Equal(Hashes(backup.Directory), Hashes(legacy));
        Assert.NotEqual(before, Hashes(legacy));
        Assert.Empty(Directory.GetFiles(legacy, ".*"));
    }

    /// <summary>The sha256 of each of the three files: byte-identical files, compared quickly.</summary>
    private static Dictionary<string, string> Hashes(string folder) =>
        LegacyStore.Files.ToDictionary(f => f.FileName, f => Sha(f.PathIn(folder)));

    private static string Sha(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private async Task<(string Legacy, BackupService Service, BackupResult Backup)> ChangedAfterBackupAsync()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var service = BackupFiles.Service(legacy, _folder.Combine("backups"), _clock);
        var backup = await service.BackupAsync(TestContext.Current.CancellationToken);
        // Every file differs from the backup, so a half-done restore shows in the bytes.
        BackupFiles.Execute(LegacyStore.Acquisition.PathIn(legacy), "DELETE FROM prospects WHERE id % 3 = 0;");
        BackupFiles.Execute(LegacyStore.Abm.PathIn(legacy), "DELETE FROM touchpoints WHERE id % 2 = 0;");
        BackupFiles.Execute(LegacyStore.Onboarding.PathIn(legacy), "DELETE FROM communications;");
        SqliteConnection.ClearAllPools();
        _clock.Advance(TimeSpan.FromMinutes(5));
        return (legacy, service, backup);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
