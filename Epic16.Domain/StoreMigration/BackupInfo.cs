namespace Epic16.Domain.StoreMigration;

/// <summary>A backup folder as listed: its manifest (null when it cannot be read) and what its check found, if it was checked.</summary>
public sealed record BackupInfo(string Directory, BackupManifest? Manifest, bool Checked, IReadOnlyList<string> Problems)
{
    public string Name => Path.GetFileName(Directory);

    public bool Verified => Checked && Manifest is not null && Problems.Count == 0;
}
