using Microsoft.Data.Sqlite;

namespace Epic16.Domain.Persistence;

/// <summary>A raw ADO.NET connection over the three legacy files (for the scan, the bulk migration and validation).</summary>
public static class LegacyConnection
{
    public static async Task<SqliteConnection> OpenAsync(string legacyDirectory, bool readOnly = true, CancellationToken ct = default)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(Path.Combine(legacyDirectory, LegacyFileNames.Acquisition)),
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(ct);
        Attachments(legacyDirectory).AttachMissing(connection);
        return connection;
    }

    public static LegacyAttachInterceptor Attachments(string legacyDirectory) => new(
    [
        ("abm", Path.Combine(legacyDirectory, LegacyFileNames.Abm)),
        ("onboarding", Path.Combine(legacyDirectory, LegacyFileNames.Onboarding)),
    ]);
}
