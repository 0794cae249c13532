namespace Epic16.Domain.StoreMigration;

/// <summary>A backup or restore refused or failed; the message is written for the operator and says what was (not) changed.</summary>
public sealed class BackupException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
