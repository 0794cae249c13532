using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Epic16.Tests.StoreMigration;

/// <summary>Legacy files for backup tests: a copy of the demo set per test, a service over them, and raw edits.</summary>
public static class BackupFiles
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 15, TimeSpan.Zero);

    /// <summary>Copies the three demo files into <paramref name="folder"/>/legacy and returns that folder.</summary>
    public static string CopyDemo(string demoDirectory, TempFolder folder)
    {
        var legacy = Directory.CreateDirectory(folder.Combine("legacy")).FullName;
        foreach (var file in LegacyStore.Files)
        {
            File.Copy(file.PathIn(demoDirectory), file.PathIn(legacy));
        }

        return legacy;
    }

    public static BackupService Service(string legacy, string backups, TimeProvider clock, int retentionDays = 30) =>
        new(new StoreSettings("", legacy, StoreMode.SqliteOnly), new BackupSettings(backups, retentionDays), clock);

    public static void Execute(string path, string sql)
    {
        using var connection = LegacySql.Open(path, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var value = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ 0xFF));
    }

    /// <summary>The bytes of the three files, to show that something left them exactly as they were.</summary>
    public static Dictionary<string, byte[]> Snapshot(string legacy) =>
        LegacyStore.Files.ToDictionary(f => f.FileName, f => File.ReadAllBytes(f.PathIn(legacy)));

    public static long Count(string folder, string table) => LegacySql.Count(folder, table);
}
