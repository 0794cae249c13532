namespace Epic16.Domain.StoreMigration;

/// <summary>
/// A restore that replaced the legacy files and verified them: the backup it came from, and where the files from
/// before the restore were saved (a verified backup, or a raw copy when they could not be backed up; null when there were none).
/// </summary>
public sealed record RestoreResult(string From, string LegacyDirectory, BackupManifest Manifest, string? SafetyCopy);
