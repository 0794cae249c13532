using System.Security.Cryptography;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.DemoData;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Epic16.Tests.StoreMigration;

public sealed class BackupServiceTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(BackupFiles.Start);

    [Fact]
    public async Task BackupAsync_DemoFiles_WritesTimestampedFolderWhoseManifestMatchesTheCopies()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var service = BackupFiles.Service(legacy, _folder.Combine("backups"), _clock);

        var result = await service.BackupAsync(TestContext.Current.CancellationToken);

        Assert.Equal(_folder.Combine("backups", "20260301T093015Z"), result.Directory);
        var manifest = BackupManifest.Parse(await File.ReadAllTextAsync(Path.Combine(result.Directory, "manifest.json"), TestContext.Current.CancellationToken));
        Assert.Equal(BackupFiles.Start.UtcDateTime, manifest.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, manifest.CreatedAt.Kind);
        Assert.False(string.IsNullOrWhiteSpace(manifest.AppVersion));
        Assert.Equal(LegacyStore.Files.Select(f => f.FileName), manifest.Files.Select(f => f.Name));
        foreach (var entry in manifest.Files)
        {
            var copy = Path.Combine(result.Directory, entry.Name);
            Assert.Equal(new FileInfo(copy).Length, entry.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(copy, TestContext.Current.CancellationToken))), entry.Sha256);
            Assert.Equal(LegacyStore.Files.Single(f => f.FileName == entry.Name).Tables, entry.RowCounts.Keys);
        }

        foreach (var table in LegacyStore.Tables)
        {
            var counted = manifest.Files.Single(f => f.RowCounts.ContainsKey(table)).RowCounts[table];
            Assert.Equal(demo.Result.RowsPerTable[table], counted);
            Assert.Equal(counted, BackupFiles.Count(result.Directory, table));
        }

        Assert.True(manifest.TotalRows > 0);
        Assert.Empty(await BackupVerifier.VerifyAsync(result.Directory, manifest, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BackupAsync_WriterHoldsOpenTransaction_CopiesOnlyCommittedRows()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var before = BackupFiles.Count(legacy, "touchpoints");
        using var writer = LegacySql.Open(LegacyStore.Abm.PathIn(legacy), SqliteOpenMode.ReadWrite);
        using var transaction = writer.BeginTransaction();
        using (var delete = writer.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM touchpoints WHERE id % 2 = 0;";
            Assert.True(delete.ExecuteNonQuery() > 0);
        }

        var result = await BackupFiles.Service(legacy, _folder.Combine("backups"), _clock).BackupAsync(TestContext.Current.CancellationToken);
        transaction.Commit();

        var abm = result.Manifest.Files.Single(f => f.Name == LegacyStore.AbmFileName);
        Assert.Equal(before, abm.RowCounts["touchpoints"]);
        Assert.Equal(before, BackupFiles.Count(result.Directory, "touchpoints"));
        Assert.True(BackupFiles.Count(legacy, "touchpoints") < before);
    }

    [Fact]
    public async Task BackupAsync_WriterCommittingAcrossFiles_CopiesOneConsistentState()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var touchpoints = BackupFiles.Count(legacy, "touchpoints");
        var milestones = BackupFiles.Count(legacy, "milestones");
        using var stop = new CancellationTokenSource();
        var commits = 0;
        var started = new TaskCompletionSource();
        var writer = Task.Run(() =>
        {
            // Each commit deletes one touchpoint (ABM file) and one milestone (onboarding file) atomically.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LegacyStore.Acquisition.PathIn(legacy), Pooling = false, DefaultTimeout = 30 }.ToString());
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = $"PRAGMA busy_timeout = 30000; ATTACH DATABASE '{LegacyStore.Abm.PathIn(legacy)}' AS abm; ATTACH DATABASE '{LegacyStore.Onboarding.PathIn(legacy)}' AS onboarding;";
            setup.ExecuteNonQuery();
            while (!stop.IsCancellationRequested && commits < Math.Min(touchpoints, milestones) - 1)
            {
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM abm.touchpoints WHERE id = (SELECT min(id) FROM abm.touchpoints); DELETE FROM onboarding.milestones WHERE id = (SELECT min(id) FROM onboarding.milestones);";
                command.ExecuteNonQuery();
                transaction.Commit();
                if (++commits == 5)
                {
                    started.SetResult();
                }
            }
        }, TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var result = await BackupFiles.Service(legacy, _folder.Combine("backups"), _clock).BackupAsync(TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await writer;

        var copiedTouchpoints = BackupFiles.Count(result.Directory, "touchpoints");
        var copiedMilestones = BackupFiles.Count(result.Directory, "milestones");
        Assert.True(touchpoints - copiedTouchpoints >= 5, $"the backup missed the commits made before it ({touchpoints - copiedTouchpoints})");
        Assert.Equal(touchpoints - copiedTouchpoints, milestones - copiedMilestones);
        Assert.Empty(await BackupVerifier.VerifyAsync(result.Directory, result.Manifest, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BackupAsync_OldAndRecentBackups_PrunesOnlyThoseOlderThanRetention()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var backups = _folder.Combine("backups");
        var service = BackupFiles.Service(legacy, backups, _clock, retentionDays: 30);
        var old = (await service.BackupAsync(TestContext.Current.CancellationToken)).Directory;
        _clock.Advance(TimeSpan.FromDays(20));
        var recent = (await service.BackupAsync(TestContext.Current.CancellationToken)).Directory;
        var stranger = Directory.CreateDirectory(Path.Combine(backups, "20000101T000000Z")).FullName;
        var unreadable = Directory.CreateDirectory(Path.Combine(backups, "20000102T000000Z")).FullName;
        await File.WriteAllTextAsync(Path.Combine(unreadable, "manifest.json"), "{ not json", TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromDays(11));

        var latest = await service.BackupAsync(TestContext.Current.CancellationToken);

        Assert.Equal([old], latest.Pruned);
        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(recent));
        Assert.True(Directory.Exists(latest.Directory));
        Assert.True(Directory.Exists(stranger));
        Assert.True(Directory.Exists(unreadable));
    }

    [Fact]
    public async Task BackupAsync_ClockJumpsPastRetentionDuringTheRun_KeepsTheBackupJustMade()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var service = BackupFiles.Service(legacy, _folder.Combine("backups"), _clock, retentionDays: 30);
        _clock.StepPerRead = TimeSpan.FromDays(40);

        var result = await service.BackupAsync(TestContext.Current.CancellationToken);

        Assert.Empty(result.Pruned);
        Assert.True(File.Exists(Path.Combine(result.Directory, "manifest.json")));
    }

    [Fact]
    public async Task BackupAsync_SameSecondTwice_KeepsBothInSeparateFolders()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var service = BackupFiles.Service(legacy, _folder.Combine("backups"), _clock);

        var first = await service.BackupAsync(TestContext.Current.CancellationToken);
        var second = await service.BackupAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual(first.Directory, second.Directory);
        Assert.Equal(2, (await service.ListAsync(verify: true, TestContext.Current.CancellationToken)).Count(b => b.Verified));
    }

    [Fact]
    public async Task BackupAsync_LegacyFileMissing_FailsNamingItAndKeepsNothing()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        File.Delete(LegacyStore.Onboarding.PathIn(legacy));
        var backups = _folder.Combine("backups");

        var error = await Assert.ThrowsAsync<Epic16.Domain.Persistence.StoreUnavailableException>(
            () => BackupFiles.Service(legacy, backups, _clock).BackupAsync(TestContext.Current.CancellationToken));

        Assert.Contains(LegacyStore.OnboardingFileName, error.Message);
        Assert.True(!Directory.Exists(backups) || Directory.GetFileSystemEntries(backups).Length == 0);
    }

    [Fact]
    public async Task ListAsync_OneGoodOneTampered_NewestFirstWithVerification()
    {
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        var service = BackupFiles.Service(legacy, _folder.Combine("backups"), _clock);
        var older = await service.BackupAsync(TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromHours(1));
        var newer = await service.BackupAsync(TestContext.Current.CancellationToken);
        BackupFiles.FlipByte(Path.Combine(older.Directory, LegacyStore.AbmFileName), 5000);

        var list = await service.ListAsync(verify: true, TestContext.Current.CancellationToken);

        Assert.Equal([newer.Directory, older.Directory], list.Select(b => b.Directory));
        Assert.True(list[0].Verified);
        Assert.False(list[1].Verified);
        Assert.Contains(list[1].Problems, p => p.Contains(LegacyStore.AbmFileName) && p.Contains("sha256"));
    }

    public void Dispose() => _folder.Dispose();
}
