using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Epic16.Tests.Persistence;

public sealed class LegacyStoreTests
{
    [Fact]
    public async Task EnsureReadable_FreshFiles_PassesAndWritesNothing()
    {
        using var folder = await CreatedAsync();
        var before = Snapshot(folder.Path);

        LegacyStore.EnsureReadable(folder.Path);

        Assert.Equal(before, Snapshot(folder.Path));
    }

    [Fact]
    public async Task EnsureReadable_MissingFile_ThrowsNamingTheFile()
    {
        using var folder = await CreatedAsync();
        File.Delete(LegacyStore.Abm.PathIn(folder.Path));
        var before = Snapshot(folder.Path);

        var e = Assert.Throws<StoreUnavailableException>(() => LegacyStore.EnsureReadable(folder.Path));

        Assert.Contains(LegacyStore.AbmFileName, e.Message);
        Assert.Contains("missing", e.Message);
        Assert.False(File.Exists(LegacyStore.Abm.PathIn(folder.Path)));
        Assert.Equal(before, Snapshot(folder.Path));
    }

    [Fact]
    public async Task EnsureReadable_NotSqliteFile_ThrowsNamingTheFile()
    {
        using var folder = await CreatedAsync();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(LegacyStore.Onboarding.PathIn(folder.Path), bytes);
        var before = Snapshot(folder.Path);

        var e = Assert.Throws<StoreUnavailableException>(() => LegacyStore.EnsureReadable(folder.Path));

        Assert.Contains(LegacyStore.OnboardingFileName, e.Message);
        Assert.Contains("not a SQLite database", e.Message);
        Assert.Equal(before, Snapshot(folder.Path));
    }

    [Fact]
    public async Task EnsureReadable_FileLockedByAnotherConnection_ThrowsNamingTheFile()
    {
        using var folder = await CreatedAsync();
        var path = LegacyStore.Acquisition.PathIn(folder.Path);
        var before = Snapshot(folder.Path);
        StoreUnavailableException e;
        using (var holder = LegacySql.Open(path, SqliteOpenMode.ReadWrite))
        using (var command = holder.CreateCommand())
        {
            command.CommandText = "BEGIN EXCLUSIVE;";
            command.ExecuteNonQuery();

            e = Assert.Throws<StoreUnavailableException>(() => LegacyStore.EnsureReadable(folder.Path));

            command.CommandText = "ROLLBACK;";
            command.ExecuteNonQuery();
        }

        Assert.Contains(LegacyStore.AcquisitionFileName, e.Message);
        Assert.Contains("locked", e.Message);
        Assert.Equal(before, Snapshot(folder.Path));
    }

    [Fact]
    public async Task EnsureReadable_FileMissingATable_ThrowsNamingFileAndTable()
    {
        using var folder = await CreatedAsync();
        var path = LegacyStore.Onboarding.PathIn(folder.Path);
        using (var connection = LegacySql.Open(path, SqliteOpenMode.ReadWrite))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE communications;";
            command.ExecuteNonQuery();
        }

        var e = Assert.Throws<StoreUnavailableException>(() => LegacyStore.EnsureReadable(folder.Path));

        Assert.Contains(LegacyStore.OnboardingFileName, e.Message);
        Assert.Contains("communications", e.Message);
    }

    [Fact]
    public async Task CreateAsync_ExistingFile_RefusesAndLeavesItUnchanged()
    {
        using var folder = await CreatedAsync();
        var before = Snapshot(folder.Path);

        await Assert.ThrowsAsync<IOException>(() => LegacyStore.CreateAsync(folder.Path, TestContext.Current.CancellationToken));

        Assert.Equal(before, Snapshot(folder.Path));
    }

    [Fact]
    public void ConnectionString_Directory_OpensTheAcquisitionFilePooledAndNamesTheAttachments()
    {
        var builder = new SqliteConnectionStringBuilder(LegacyStore.ConnectionString("/data/legacy"));
        var attachments = LegacyStore.Attachments("/data/legacy");

        Assert.Equal(Path.Combine("/data/legacy", LegacyStore.AcquisitionFileName), builder.DataSource);
        Assert.True(builder.Pooling);
        Assert.Equal(SqliteOpenMode.ReadWrite, builder.Mode);
        Assert.Equal([("abm", Path.Combine("/data/legacy", LegacyStore.AbmFileName)), ("onboarding", Path.Combine("/data/legacy", LegacyStore.OnboardingFileName))],
            attachments.Select(a => (a.Alias, a.FilePath)));
        Assert.Equal("onboarding", LegacyStore.FileOf("health_metrics").Alias);
    }

    [Fact]
    public async Task Attachments_OnTheMainConnection_ResolveAllFifteenTablesUnqualified()
    {
        using var folder = await CreatedAsync();
        var builder = new SqliteConnectionStringBuilder(LegacyStore.ConnectionString(folder.Path)) { Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        foreach (var attachment in LegacyStore.Attachments(folder.Path))
        {
            using var attach = connection.CreateCommand();
            attach.CommandText = attachment.AttachSql;
            attach.Parameters.AddWithValue("$path", attachment.FilePath);
            attach.ExecuteNonQuery();
        }

        foreach (var table in LegacyStore.Tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            Assert.Equal(0L, count.ExecuteScalar());
        }
    }

    private static async Task<TempFolder> CreatedAsync()
    {
        var folder = new TempFolder();
        await LegacyStore.CreateAsync(folder.Path, TestContext.Current.CancellationToken);
        return folder;
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
