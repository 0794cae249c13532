namespace Epic16.Domain.StoreMigration;

/// <summary>One legacy file in a backup: its name, size, SHA-256 (lower-case hex) and the rows of each of its tables.</summary>
public sealed record BackupFileEntry(string Name, long Size, string Sha256, IReadOnlyDictionary<string, long> RowCounts)
{
    public long TotalRows => RowCounts.Values.Sum();
}
