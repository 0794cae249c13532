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
        // Tests cut rows out of the middle of the data set; the demo files' foreign keys would refuse that.
        command.CommandText = "PRAGMA foreign_keys = OFF;" + sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Every row of the 15 tables, typed, in rowid order: equal for a file and its online-backup copy, whose header bytes differ.</summary>
    public static List<string> Dump(string folder) =>
        [.. LegacyStore.Tables.SelectMany(t => LegacySql.Rows(LegacySql.PathOf(folder, t), $"SELECT '{t}', * FROM {t} ORDER BY rowid"))];

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
