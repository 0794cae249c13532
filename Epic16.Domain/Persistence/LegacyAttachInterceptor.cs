using System.Data.Common;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Epic16.Domain.Persistence;

/// <summary>
/// Opens the three legacy files as one database: ATTACHes the ABM and onboarding files to the acquisition file.
/// Pooled connections keep their ATTACHes, so only what is missing (or points elsewhere) is attached. It also registers the
/// enum-word function that <see cref="LegacyEnum.Word"/> calls.
/// </summary>
public sealed class LegacyAttachInterceptor(IReadOnlyList<LegacyAttachment> attachments) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        AttachMissing(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AttachMissing(connection);
        return Task.CompletedTask;
    }

    public void AttachMissing(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            LegacyEnum.Register(sqlite);
        }

        var attached = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, file FROM pragma_database_list";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                attached[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
            }
        }

        if (!attachments.All(a => attached.ContainsKey(a.Alias)))
        {
            // A new physical connection (a pooled one keeps its attachments and its settings). SQLite's own busy wait
            // backs off in milliseconds; without it the driver's retry sleeps 150 ms per collision.
            Execute(connection, "PRAGMA busy_timeout = 30000");
        }

        foreach (var (alias, path) in attachments)
        {
            var full = Path.GetFullPath(path);
            if (attached.TryGetValue(alias, out var current))
            {
                if (string.Equals(current, full, StringComparison.Ordinal))
                {
                    continue;
                }

                Execute(connection, $"DETACH DATABASE {alias}");
            }

            using var attach = connection.CreateCommand();
            attach.CommandText = new LegacyAttachment(alias, full).AttachSql;
            var parameter = attach.CreateParameter();
            parameter.ParameterName = "$path";
            parameter.Value = full;
            attach.Parameters.Add(parameter);
            attach.ExecuteNonQuery();
        }
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
