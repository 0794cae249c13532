using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.Persistence;

/// <summary>A raw ADO.NET connection over the three legacy files (for the scan, the bulk migration and validation).</summary>
public static class LegacyConnection
{
    public static async Task<SqliteConnection> OpenAsync(string legacyDirectory, bool readOnly = true, CancellationToken ct = default)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(LegacyStore.ConnectionString(legacyDirectory))
        {
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(ct);
        Attachments(legacyDirectory).AttachMissing(connection);
        return connection;
    }

    public static LegacyAttachInterceptor Attachments(string legacyDirectory) => new(LegacyStore.Attachments(legacyDirectory));
}
