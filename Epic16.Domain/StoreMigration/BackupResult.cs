namespace Epic16.Domain.StoreMigration;

/// <summary>A backup that was made and verified, and the folders retention removed after it.</summary>
public sealed record BackupResult(string Directory, BackupManifest Manifest, IReadOnlyList<string> Pruned);
