using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// Copies the three legacy files with SQLite's online backup API, as one consistent snapshot while the app may be writing,
/// and counts the rows of that same snapshot.
/// </summary>
internal static class LegacySnapshot
{
    /// <summary>Writes the three files into <paramref name="destination"/>; returns the row counts per file name, then table.</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, long>> Take(string legacyDirectory, string destination, CancellationToken ct)
    {
        // One unpooled connection with the other two files attached, as the app opens them. Mode ReadWrite (never creates) and not
        // ReadOnly: a read-only connection cannot roll back a hot journal left by a crashed writer, and would fail instead.
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = LegacyStore.Acquisition.PathIn(legacyDirectory),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        source.Open();
        Execute(source, "PRAGMA busy_timeout = 30000;");
        foreach (var attachment in LegacyStore.Attachments(legacyDirectory))
        {
            using var attach = source.CreateCommand();
            attach.CommandText = attachment.AttachSql;
            attach.Parameters.AddWithValue("$path", attachment.FilePath);
            attach.ExecuteNonQuery();
        }

        // Counting every table inside one read transaction takes the shared lock on each file, main first (the order a
        // multi-file commit locks them in, so no deadlock), and keeps it: a writer can hold its transaction open but cannot
        // commit until the copies are done, so the three copies and the counts are one and the same state.
        using var snapshot = source.BeginTransaction(deferred: true);
        var counts = new Dictionary<string, IReadOnlyDictionary<string, long>>();
        foreach (var file in LegacyStore.Files)
        {
            ct.ThrowIfCancellationRequested();
            counts[file.FileName] = file.Tables.ToDictionary(t => t, t => BackupVerifier.CountRows(source, file.Alias, t, snapshot));
        }

        foreach (var file in LegacyStore.Files)
        {
            ct.ThrowIfCancellationRequested();
            using var copy = new SqliteConnection(LegacyStore.WriterConnectionString(Path.Combine(destination, file.FileName)));
            copy.Open();
            source.BackupDatabase(copy, "main", file.Alias);
        }

        snapshot.Commit();
        return counts;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
