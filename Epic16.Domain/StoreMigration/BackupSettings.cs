using Microsoft.Extensions.Configuration;

namespace Epic16.Domain.StoreMigration;

/// <summary>Where backups of the legacy files go (`Backups:Directory`, made absolute) and how long they are kept (`Backups:RetentionDays`).</summary>
public sealed record BackupSettings(string Directory, int RetentionDays)
{
    public const string DirectorySetting = "Backups:Directory";
    public const string RetentionSetting = "Backups:RetentionDays";
    public const string DefaultDirectory = "backups";

    /// <summary>The plan keeps the archived SQLite databases for 30 days after cutover.</summary>
    public const int DefaultRetentionDays = 30;

    public static BackupSettings From(IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration[DirectorySetting] is { Length: > 0 } dir ? dir : DefaultDirectory);
        var retention = DefaultRetentionDays;
        if (configuration[RetentionSetting] is { Length: > 0 } text
            && (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out retention) || retention < 1))
        {
            throw new InvalidOperationException($"{RetentionSetting} '{text}' must be a whole number of days, 1 or more.");
        }

        return new BackupSettings(directory, retention);
    }
}
