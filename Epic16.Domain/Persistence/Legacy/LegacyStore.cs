using System.Text;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// The three legacy SQLite files (<c>Legacy:Directory</c>): their fixed names, which table lives where,
/// how to open them as one connection, how to create them from the embedded DDL, and a read-only check
/// that turns "missing / not SQLite / locked / incomplete" into a <see cref="StoreUnavailableException"/> naming the file.
/// </summary>
/// <remarks>
/// One connection sees all 15 tables: open <see cref="ConnectionString"/> (the acquisition file is <c>main</c>),
/// then ATTACH each of <see cref="Attachments"/> that <c>pragma_database_list</c> does not already list
/// (pooled connections keep their attachments). The files stay in rollback-journal mode: SQLite does not
/// commit atomically across attached files in WAL mode.
/// </remarks>
public static class LegacyStore
{
    public const string SettingName = "Legacy:Directory";
    public const string DefaultDirectory = ".data/legacy";
    public const string MainAlias = "main";
    public const string AbmAlias = "abm";
    public const string OnboardingAlias = "onboarding";

    public const string AcquisitionFileName = "epic16_fortune500_acquisition.db";
    public const string AbmFileName = "epic16_abm_campaigns.db";
    public const string OnboardingFileName = "epic16_enterprise_onboarding.db";

    private const string ResourcePrefix = "Epic16.Domain.Persistence.Legacy.";
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public static readonly LegacyFile Acquisition = new(AcquisitionFileName, MainAlias, ResourcePrefix + "epic16_fortune500_acquisition.sql",
        ["prospects", "lead_scoring", "business_cases", "sales_sequences", "roi_tracking", "crm_conversions"]);

    public static readonly LegacyFile Abm = new(AbmFileName, AbmAlias, ResourcePrefix + "epic16_abm_campaigns.sql",
        ["campaigns", "content_assets", "touchpoints", "performance"]);

    public static readonly LegacyFile Onboarding = new(OnboardingFileName, OnboardingAlias, ResourcePrefix + "epic16_enterprise_onboarding.sql",
        ["success_templates", "clients", "milestones", "health_metrics", "communications"]);

    /// <summary>The three files, main first.</summary>
    public static IReadOnlyList<LegacyFile> Files { get; } = [Acquisition, Abm, Onboarding];

    /// <summary>The 15 legacy tables, file by file, each in foreign-key order.</summary>
    public static IReadOnlyList<string> Tables { get; } = [.. Files.SelectMany(f => f.Tables)];

    public static LegacyFile FileOf(string table) =>
        Files.FirstOrDefault(f => f.Tables.Contains(table, StringComparer.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"'{table}' is not one of the 15 legacy tables.", nameof(table));

    /// <summary>The main (acquisition) file, pooled, with the default 30 s busy timeout; never creates a missing file.</summary>
    public static string ConnectionString(string directory) => new SqliteConnectionStringBuilder
    {
        DataSource = Acquisition.PathIn(directory),
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>What to ATTACH on a <see cref="ConnectionString"/> connection: the ABM and onboarding files with their aliases.</summary>
    public static IReadOnlyList<LegacyAttachment> Attachments(string directory) =>
        [.. Files.Where(f => !f.IsMain).Select(f => new LegacyAttachment(f.Alias, f.PathIn(directory)))];

    /// <summary>The legacy files already present in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> ExistingFiles(string directory) =>
        [.. Files.Select(f => f.PathIn(directory)).Where(File.Exists)];

    /// <summary>The embedded DDL of one file (a copy of shared/legacy-schema).</summary>
    public static string Ddl(LegacyFile file)
    {
        using var stream = typeof(LegacyStore).Assembly.GetManifestResourceStream(file.DdlResourceName)
            ?? throw new InvalidOperationException($"The embedded legacy DDL {file.DdlResourceName} is missing from {typeof(LegacyStore).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Creates the three empty files from the embedded DDL in rollback-journal mode; refuses to touch an existing file.</summary>
    public static async Task CreateAsync(string directory, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Files)
        {
            var path = file.PathIn(directory);
            if (File.Exists(path))
            {
                throw new IOException($"Legacy file {path} already exists; it is never overwritten in place.");
            }

            await using var connection = new SqliteConnection(WriterConnectionString(path));
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;\n" + Ddl(file);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>An unpooled connection that may create the file: for the demo-data writer and tests, not for the app.</summary>
    public static string WriterConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();

    /// <summary>
    /// Checks each file before use without writing to it: present, a SQLite database, not write-locked by
    /// another process, and holding its legacy tables. Throws <see cref="StoreUnavailableException"/> naming the file.
    /// </summary>
    public static void EnsureReadable(string directory)
    {
        foreach (var file in Files)
        {
            LegacyFileProbe.Check(file, file.PathIn(directory));
        }
    }

    internal static bool HasSqliteHeader(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteHeader);
    }
}
