using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// Swaps the staged copies of a restore in place of the live legacy files as one step that can be undone: a journal
/// beside the files names every staged copy, live file and the name the live file is moved aside to (its journal, WAL
/// and shm files go with it), and the old set stays there until <see cref="Commit"/>. A failure midway, or a process
/// killed midway (<see cref="Recover"/> reads the journal on the next backup or restore), puts the old set back.
/// </summary>
internal sealed class RestoreSwap
{
    public const string JournalName = ".restore-swap.json";
    private static readonly string[] Sidecars = ["-journal", "-wal", "-shm"];
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly string _journal;
    private readonly List<Entry> _entries;

    private RestoreSwap(string journal, List<Entry> entries)
    {
        _journal = journal;
        _entries = entries;
    }

    /// <summary>
    /// Puts every staged copy in place, the old set kept aside, verifies the result against the manifest and only then
    /// lets the old set go; any failure before that puts the old set back. <paramref name="afterEach"/> is a fault point for tests.
    /// </summary>
    public static async Task RunAsync(string live, string folder, BackupManifest manifest, IEnumerable<(string Staged, string Target)> staged, Action<string>? afterEach = null)
    {
        var swap = Begin(live, staged);
        try
        {
            while (swap.Swapped < swap.Count)
            {
                var restored = swap.SwapNext();
                afterEach?.Invoke(restored);
            }

            var after = await BackupVerifier.VerifyAsync(live, manifest, CancellationToken.None);
            if (after.Count > 0)
            {
                throw new BackupException($"The restored files in {live} do not match backup {folder}: {string.Join("; ", after)}. The files from before the restore were put back.");
            }
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            swap.RollBack();
            throw;
        }

        swap.Commit();
    }

    /// <summary>How many files are in place so far.</summary>
    public int Swapped { get; private set; }

    public int Count => _entries.Count;

    /// <summary>Writes the journal (flushed to disk) before any live file is touched.</summary>
    public static RestoreSwap Begin(string live, IEnumerable<(string Staged, string Target)> files)
    {
        var entries = files.Select(f => new Entry(f.Target, f.Staged, Path.Combine(live, $".{Path.GetFileName(f.Target)}.before-restore-{Guid.NewGuid():N}"), File.Exists(f.Target))).ToList();
        var journal = Path.Combine(live, JournalName);
        using (var stream = new FileStream(journal, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, entries, Json);
            stream.Flush(flushToDisk: true);
        }

        return new RestoreSwap(journal, entries);
    }

    /// <summary>Moves the next live file (and its sidecars) aside and the staged copy into its place; returns the file now restored.</summary>
    public string SwapNext()
    {
        var entry = _entries[Swapped];
        if (entry.Existed)
        {
            MoveAside(entry.Target, entry.Aside);
        }

        File.Move(entry.Staged, entry.Target);
        Swapped++;
        return entry.Target;
    }

    /// <summary>Every file is in place and verified: forget the journal first (the new set is whole), then drop the old set.</summary>
    public void Commit()
    {
        File.Delete(_journal);
        foreach (var entry in _entries)
        {
            DeleteWithSidecars(entry.Aside);
        }
    }

    public void RollBack() => RollBack(_journal, _entries);

    /// <summary>When a restore was stopped midway (its journal is still there), puts the files from before it back; true when it did.</summary>
    public static bool Recover(string live)
    {
        var journal = Path.Combine(live, JournalName);
        if (!File.Exists(journal))
        {
            return false;
        }

        List<Entry> entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(journal)) ?? [];
        }
        catch (JsonException)
        {
            // Killed while the journal itself was written: no live file had been touched yet.
            File.Delete(journal);
            return false;
        }

        RollBack(journal, entries);
        return true;
    }

    private static void RollBack(string journal, List<Entry> entries)
    {
        foreach (var entry in Enumerable.Reverse(entries))
        {
            if (entry.Existed && File.Exists(entry.Aside))
            {
                // Sidecars first, the database last: a rollback stopped in between is finished by the next one.
                foreach (var suffix in Sidecars.Where(s => File.Exists(entry.Aside + s)))
                {
                    File.Move(entry.Aside + suffix, entry.Target + suffix, overwrite: true);
                }

                File.Move(entry.Aside, entry.Target, overwrite: true);
            }
            else if (!entry.Existed && !File.Exists(entry.Staged) && File.Exists(entry.Target))
            {
                // There was no live file: the restored copy goes.
                DeleteWithSidecars(entry.Target);
            }

            File.Delete(entry.Staged);
        }

        File.Delete(journal);
    }

    /// <summary>The database first, then its sidecars: a sidecar still beside the target belongs to the old file until it moves.</summary>
    private static void MoveAside(string from, string to)
    {
        File.Move(from, to);
        foreach (var suffix in Sidecars.Where(s => File.Exists(from + s)))
        {
            File.Move(from + suffix, to + suffix, overwrite: true);
        }
    }

    private static void DeleteWithSidecars(string path)
    {
        foreach (var suffix in Sidecars.Prepend(""))
        {
            File.Delete(path + suffix);
        }
    }

    private sealed record Entry(string Target, string Staged, string Aside, bool Existed);
}
