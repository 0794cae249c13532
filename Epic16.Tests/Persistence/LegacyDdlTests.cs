using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Epic16.Tests.Persistence;

public sealed class LegacyDdlTests
{
    [Fact]
    public async Task CreateAsync_EmbeddedDdl_CreatesTheFifteenTablesInTheirFilesInRollbackJournalMode()
    {
        using var folder = new TempFolder();
        await LegacyStore.CreateAsync(folder.Path, TestContext.Current.CancellationToken);

        Assert.Equal(15, LegacyStore.Tables.Count);
        foreach (var file in LegacyStore.Files)
        {
            var schema = Describe(file.PathIn(folder.Path));
            Assert.Equal(file.Tables.Order(), schema.Where(s => s.StartsWith("table ", StringComparison.Ordinal)).Select(s => s.Split(' ')[1]).Distinct().Order());
            Assert.Equal("delete", LegacySql.Rows(file.PathIn(folder.Path), "PRAGMA journal_mode").Single().Split(':')[1]);
        }
    }

    [Fact]
    public async Task CreateAsync_EmbeddedDdl_MatchesSharedLegacySchemaWhenPresent()
    {
        using var folder = new TempFolder();
        await LegacyStore.CreateAsync(folder.Path, TestContext.Current.CancellationToken);
        var shared = SharedSchemaFolder();

        foreach (var file in LegacyStore.Files)
        {
            var embedded = Describe(file.PathIn(folder.Path));
            // The DDL declares every column, its type, NOT NULL, default and key: the description must hold them all.
            Assert.Contains(embedded, s => s.Contains(" notnull=1 ", StringComparison.Ordinal));
            Assert.Contains(embedded, s => s.Contains(" pk=1", StringComparison.Ordinal));
            if (shared is null)
            {
                // Outside the full checkout only the embedded copy exists: it must at least parse and hold the tables.
                Assert.Equal(file.Tables.Count, embedded.Where(s => s.StartsWith("table ", StringComparison.Ordinal)).Select(s => s.Split(' ')[1]).Distinct().Count());
                continue;
            }

            var reference = folder.Combine("shared-" + file.FileName);
            using (var connection = LegacySql.Open(reference, SqliteOpenMode.ReadWriteCreate))
            using (var command = connection.CreateCommand())
            {
                command.CommandText = File.ReadAllText(Path.Combine(shared, Path.ChangeExtension(file.FileName, ".sql")));
                command.ExecuteNonQuery();
            }

            Assert.Equal(Describe(reference), embedded);
        }
    }

    /// <summary>Tables, columns (name, declared type, notnull, default, pk) and indexes (name, unique, columns) of one file.</summary>
    private static List<string> Describe(string path) =>
    [
        .. LegacySql.Rows(path, """
            SELECT 'table ' || m.name || ' ' || c.cid || ' ' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' default=' || ifnull(c.dflt_value, 'NULL') || ' pk=' || c.pk
            FROM sqlite_master m JOIN pragma_table_info(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            UNION ALL
            SELECT 'index ' || m.name || ' ' || l.name || ' unique=' || l."unique" || ' origin=' || l.origin || ' ' || (SELECT group_concat(i.name, ',') FROM pragma_index_info(l.name) i)
            FROM sqlite_master m JOIN pragma_index_list(m.name) l
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            ORDER BY 1
            """).Select(r => r.Split(':', 2)[1]),
    ];

    private static string? SharedSchemaFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Epic16.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "legacy-schema"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
