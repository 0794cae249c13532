using System.Globalization;
using System.Security.Cryptography;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// Checks a folder of legacy files against a manifest: every file present, same size and SHA-256, `PRAGMA integrity_check`
/// ok and the same row counts. Used on a fresh backup, before a restore (on the backup) and after it (on the legacy folder).
/// </summary>
public static class BackupVerifier
{
    /// <summary>What does not match, one short sentence each; empty when the folder is exactly what the manifest describes.</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(string folder, BackupManifest manifest, CancellationToken ct = default)
    {
        var problems = new List<string>();
        problems.AddRange(manifest.Files
            .Where(f => !LegacyStore.Files.Any(l => l.FileName == f.Name))
            .Select(f => $"the manifest lists {f.Name}, which is not a legacy file"));
        foreach (var file in LegacyStore.Files)
        {
            var entry = manifest.Files.FirstOrDefault(f => f.Name == file.FileName);
            var path = Path.Combine(folder, file.FileName);
            if (entry is null)
            {
                problems.Add($"the manifest has no entry for {file.FileName}");
                continue;
            }

            if (!File.Exists(path))
            {
                problems.Add($"{file.FileName} is missing");
                continue;
            }

            var size = new FileInfo(path).Length;
            if (size != entry.Size)
            {
                problems.Add($"{file.FileName} is {size} bytes, the manifest says {entry.Size}");
            }

            var sha = await HashAsync(path, ct);
            if (!string.Equals(sha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{file.FileName} has sha256 {Prefix(sha)}…, the manifest says {Prefix(entry.Sha256)}…");
            }

            problems.AddRange(CheckDatabase(path, file, entry));
        }

        return problems;
    }

    public static async Task<string> HashAsync(string path, CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    public static string Prefix(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static List<string> CheckDatabase(string path, LegacyFile file, BackupFileEntry entry)
    {
        var problems = new List<string>();
        try
        {
            // Unpooled: the file must be free to move or delete as soon as the check is done.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var integrity = Query(connection, "PRAGMA integrity_check(5);");
            if (integrity is not ["ok"])
            {
                problems.Add($"{file.FileName} fails integrity_check: {string.Join(" / ", integrity)}");
                return problems;
            }

            foreach (var table in file.Tables)
            {
                if (!entry.RowCounts.TryGetValue(table, out var expected))
                {
                    problems.Add($"the manifest has no row count for {table}");
                    continue;
                }

                var actual = CountRows(connection, "main", table);
                if (actual != expected)
                {
                    problems.Add($"{table} has {actual} rows, the manifest says {expected}");
                }
            }
        }
        catch (SqliteException e)
        {
            problems.Add($"{file.FileName} cannot be read as SQLite: {e.Message}");
        }

        return problems;
    }

    internal static long CountRows(SqliteConnection connection, string schema, string table, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM \"{schema}\".\"{table}\";";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
