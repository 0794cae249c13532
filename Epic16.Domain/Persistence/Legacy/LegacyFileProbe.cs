using Microsoft.Data.Sqlite;

namespace Epic16.Domain.Persistence.Legacy;

/// <summary>The read-only checks behind <see cref="LegacyStore.EnsureReadable"/>, one file at a time.</summary>
internal static class LegacyFileProbe
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    public static void Check(LegacyFile file, string path)
    {
        var hint = $"({LegacyStore.SettingName} is {Path.GetDirectoryName(path)})";
        if (!File.Exists(path))
        {
            throw new StoreUnavailableException(
                $"Legacy file {file.FileName} is missing: expected {path} {hint}. Copy the legacy files there, or create demo files with `seed-demo`.");
        }

        if (!LegacyStore.HasSqliteHeader(path))
        {
            throw new StoreUnavailableException($"Legacy file {file.FileName} at {path} is not a SQLite database (no \"SQLite format 3\" header).");
        }

        // Unpooled, never creating, 1 s busy wait: a probe must not hold the file open or wait long for a lock.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 1,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            Execute(connection, "PRAGMA schema_version;");
            var missing = MissingTables(connection, file);
            if (missing.Count > 0)
            {
                throw new StoreUnavailableException(
                    $"Legacy file {file.FileName} at {path} is missing the table(s) {string.Join(", ", missing)}: it is not an Epic 16 {file.Alias} store.");
            }

            // A write lock held by another process shows only when we ask for one; nothing is written before the rollback.
            Execute(connection, "BEGIN IMMEDIATE;");
            Execute(connection, "ROLLBACK;");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new StoreUnavailableException(
                $"Legacy file {file.FileName} at {path} is locked by another process (a write is in progress or the legacy app holds it); stop that process and retry.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw new StoreUnavailableException($"Legacy file {file.FileName} at {path} is not a readable SQLite database: {e.Message}", e);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"Legacy file {file.FileName} at {path} cannot be opened: {e.Message}", e);
        }
    }

    private static List<string> MissingTables(SqliteConnection connection, LegacyFile file)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        return [.. file.Tables.Where(t => !present.Contains(t))];
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
