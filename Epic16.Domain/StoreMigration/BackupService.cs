using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// Backups of the three legacy SQLite files, the rollback plan's "restore SQLite databases from backups" and "archive them
/// for 30 days": verified copies in <c>Backups:Directory/yyyyMMddTHHmmssZ/</c> with a manifest, retention, and a restore
/// that checks everything before it replaces anything.
/// </summary>
/// <remarks>Role checks, run records and audit are in <see cref="MigrationOperations"/>; this class only handles files.</remarks>
public sealed class BackupService(StoreSettings store, BackupSettings settings, TimeProvider clock)
{
    public const string FolderFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string StagingPrefix = ".staging-";
    private static readonly string[] SidecarSuffixes = ["-journal", "-wal", "-shm"];

    public string Root => settings.Directory;

    public string LegacyDirectory => store.LegacyDirectory;

    /// <summary>A fault point for tests: called after each live file was replaced during a restore.</summary>
    internal Action<string>? AfterFileSwapped { get; set; }

    /// <summary>Copies, verifies and keeps a backup of the live files, then prunes backups older than the retention.</summary>
    internal Task<BackupResult> BackupAsync(CancellationToken ct = default) => CreateAsync("backup", prune: true, ct);

    /// <summary>The backups (folders holding a manifest.json), newest first; with <paramref name="verify"/>, each one checked.</summary>
    internal async Task<IReadOnlyList<BackupInfo>> ListAsync(bool verify = true, CancellationToken ct = default)
    {
        var backups = new List<BackupInfo>();
        foreach (var folder in BackupFolders())
        {
            var manifest = await TryReadManifestAsync(folder, ct);
            backups.Add(manifest switch
            {
                (null, var error) => new BackupInfo(folder, null, true, [error!]),
                var (m, _) when verify => new BackupInfo(folder, m, true, await BackupVerifier.VerifyAsync(folder, m!, ct)),
                var (m, _) => new BackupInfo(folder, m, false, []),
            });
        }

        return [.. backups.OrderByDescending(b => b.Manifest?.CreatedAt ?? DateTime.MinValue).ThenByDescending(b => b.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Puts the files of a backup (a folder path, or a folder name under <see cref="Root"/>) back in the legacy folder. Refuses,
    /// changing nothing, unless the backup verifies; otherwise saves the current files first, stages and verifies the copies beside
    /// the live files, then swaps all three as one step (the old set kept until the restored set verifies; put back on any failure).
    /// </summary>
    internal async Task<RestoreResult> RestoreAsync(string from, CancellationToken ct = default)
    {
        var folder = Resolve(from);
        var (manifest, error) = await TryReadManifestAsync(folder, ct);
        if (manifest is null)
        {
            throw new BackupException($"Cannot restore from {folder}: {error}. Nothing was changed.");
        }

        var problems = await BackupVerifier.VerifyAsync(folder, manifest, ct);
        if (problems.Count > 0)
        {
            throw new BackupException($"Backup {folder} does not verify, so nothing was restored: {string.Join("; ", problems)}.");
        }

        var live = store.LegacyDirectory;
        RestoreSwap.Recover(live);
        EnsureNotInUse(live);
        var safety = await SafetyCopyAsync(live, ct);

        // Copy to temporary names beside the live files first (same file system, so every move is a rename), verify, then swap.
        Directory.CreateDirectory(live);
        var staged = new List<(string Temp, string Target)>();
        try
        {
            foreach (var entry in LegacyStore.Files.Select(f => manifest.Files.Single(e => e.Name == f.FileName)))
            {
                var temp = Path.Combine(live, $".{entry.Name}.restore-{Guid.NewGuid():N}.tmp");
                staged.Add((temp, Path.Combine(live, entry.Name)));
                File.Copy(Path.Combine(folder, entry.Name), temp);
                if (!string.Equals(await BackupVerifier.HashAsync(temp, ct), entry.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new BackupException($"The copy of {entry.Name} made for the restore differs from the backup; nothing was restored.");
                }
            }

            // From here on no cancellation: the three files change together or not at all.
            SqliteConnection.ClearAllPools();
            await RestoreSwap.RunAsync(live, folder, manifest, staged, AfterFileSwapped);
        }
        finally
        {
            foreach (var (temp, _) in staged.Where(s => File.Exists(s.Temp)))
            {
                File.Delete(temp);
            }
        }

        return new RestoreResult(folder, live, manifest, safety);
    }

    private async Task<BackupResult> CreateAsync(string reason, bool prune, CancellationToken ct)
    {
        var source = store.LegacyDirectory;
        // A restore stopped midway left a mix of old and restored files: the old set goes back before anything is copied.
        RestoreSwap.Recover(source);
        foreach (var file in LegacyStore.Files.Where(f => !File.Exists(f.PathIn(source))))
        {
            throw new StoreUnavailableException($"Legacy file {file.FileName} is missing: expected {file.PathIn(source)} ({LegacyStore.SettingName} is {source}); nothing to back up.");
        }

        var createdAt = clock.GetUtcNow().UtcDateTime;
        var staging = Path.Combine(Directory.CreateDirectory(settings.Directory).FullName, $"{StagingPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            Dictionary<string, IReadOnlyDictionary<string, long>> counts;
            try
            {
                counts = await Task.Run(() => LegacySnapshot.Take(source, staging, ct), ct);
            }
            catch (SqliteException e)
            {
                throw new BackupException($"The backup of {source} failed while copying: {e.Message}", e);
            }

            var files = new List<BackupFileEntry>();
            foreach (var file in LegacyStore.Files)
            {
                var path = Path.Combine(staging, file.FileName);
                files.Add(new BackupFileEntry(file.FileName, new FileInfo(path).Length, await BackupVerifier.HashAsync(path, ct), counts[file.FileName]));
            }

            var manifest = new BackupManifest(createdAt, AppVersion, reason, source, files);
            await File.WriteAllTextAsync(Path.Combine(staging, BackupManifest.FileName), manifest.ToJson(), ct);

            // Read the copies back as a restore would: a backup that does not verify is worse than none, because it is trusted.
            var problems = await BackupVerifier.VerifyAsync(staging, manifest, ct);
            if (problems.Count > 0)
            {
                throw new BackupException($"The backup of {source} failed its check and was deleted: {string.Join("; ", problems)}.");
            }

            var target = FreeName(createdAt, reason == "backup" ? "" : "-" + reason);
            Directory.Move(staging, target);
            return new BackupResult(target, manifest, prune ? Prune(target) : []);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Deletes backups whose manifest is older than the retention; never <paramref name="keep"/>, never a folder it cannot read.</summary>
    private List<string> Prune(string keep)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);
        var pruned = new List<string>();
        foreach (var folder in BackupFolders().Where(f => !string.Equals(f, keep, StringComparison.Ordinal)))
        {
            try
            {
                var manifest = BackupManifest.Parse(File.ReadAllText(Path.Combine(folder, BackupManifest.FileName)));
                if (manifest.CreatedAt < cutoff)
                {
                    Directory.Delete(folder, recursive: true);
                    pruned.Add(folder);
                }
            }
            catch (JsonException)
            {
                // Not a manifest this code wrote: leave the folder for a person to look at.
            }
        }

        return pruned;
    }

    /// <summary>The files about to be replaced, kept so that the restore itself can be undone.</summary>
    private async Task<string?> SafetyCopyAsync(string live, CancellationToken ct)
    {
        var existing = LegacyStore.Files.Select(f => f.PathIn(live)).Where(File.Exists).ToList();
        if (existing.Count == 0)
        {
            return null;
        }

        if (existing.Count == LegacyStore.Files.Count)
        {
            try
            {
                return (await CreateAsync("pre-restore", prune: false, ct)).Directory;
            }
            catch (BackupException)
            {
                // Damaged files are the usual reason to restore: keep them as they are, below.
            }
        }

        // Missing or unreadable files cannot make a verified backup; a raw copy (no manifest, so never pruned or listed) still can be undone by hand.
        var raw = FreeName(clock.GetUtcNow().UtcDateTime, "-pre-restore-raw");
        Directory.CreateDirectory(raw);
        foreach (var path in existing.SelectMany(p => SidecarSuffixes.Select(s => p + s).Prepend(p)).Where(File.Exists))
        {
            File.Copy(path, Path.Combine(raw, Path.GetFileName(path)));
        }

        return raw;
    }

    /// <summary>Refuses while another connection holds a write lock: replacing a file under a writer loses its write or corrupts it.</summary>
    private static void EnsureNotInUse(string live)
    {
        foreach (var file in LegacyStore.Files.Where(f => File.Exists(f.PathIn(live))))
        {
            try
            {
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.PathIn(live), Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 1 }.ToString());
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
                command.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                throw new BackupException($"Legacy file {file.FileName} is being written by another connection; stop the writer (or switch the store mode) and retry. Nothing was restored.", e);
            }
            catch (SqliteException)
            {
                // A damaged file is about to be replaced anyway; the safety copy keeps it as it is.
            }
        }
    }

    private string Resolve(string from)
    {
        var candidates = Path.IsPathRooted(from) ? [from] : new[] { Path.GetFullPath(from), Path.Combine(settings.Directory, from) };
        return candidates.FirstOrDefault(Directory.Exists) is { } found
            ? Path.GetFullPath(found).TrimEnd(Path.DirectorySeparatorChar)
            : throw new BackupException($"No backup folder {from} (looked in {string.Join(" and ", candidates.Distinct())}). Nothing was changed.");
    }

    private IEnumerable<string> BackupFolders() => Directory.Exists(settings.Directory)
        ? Directory.EnumerateDirectories(settings.Directory)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, BackupManifest.FileName)))
        : [];

    private static async Task<(BackupManifest? Manifest, string? Error)> TryReadManifestAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            return (null, $"it holds no {BackupManifest.FileName}, so it is not a backup made by `backup`");
        }

        try
        {
            return (BackupManifest.Parse(await File.ReadAllTextAsync(path, ct)), null);
        }
        catch (JsonException e)
        {
            return (null, $"its {BackupManifest.FileName} cannot be read ({e.Message.Split('\n')[0]})");
        }
    }

    private string FreeName(DateTime at, string suffix)
    {
        var stem = Path.Combine(settings.Directory, at.ToString(FolderFormat, CultureInfo.InvariantCulture) + suffix);
        var name = stem;
        for (var n = 2; Directory.Exists(name); n++)
        {
            name = $"{stem}-{n}";
        }

        return name;
    }

    private static string AppVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupService).Assembly.GetName().Version?.ToString() ?? "unknown";
}
