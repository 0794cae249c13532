using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Dashboard.Cli;

/// <summary>`backup`, `backup list` and `restore`: verified copies of the legacy SQLite files, for the rollback plan.</summary>
public static class BackupCommands
{
    public static Command Backup(GlobalOptions options)
    {
        var dir = BackupDir();
        var json = Json();
        var command = new Command("backup", "Copy the three legacy SQLite files (online backup, safe while the app writes) into a new verified backup folder, then prune backups older than Backups:RetentionDays. Exit 0: made and verified; 1: failed (nothing kept).")
        {
            dir, json,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var result = await sp.GetRequiredService<MigrationOperations>().BackupAsync(SystemUser.Cli, ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { directory = result.Directory, pruned = result.Pruned, manifest = result.Manifest }, BackupManifest.JsonOptions));
                return CliExitCodes.Ok;
            }

            output.WriteLine($"Backup written and verified (integrity_check ok, sha256 and row counts match): {result.Directory}");
            WriteFiles(output, result.Manifest);
            if (result.Pruned.Count > 0)
            {
                output.WriteLine($"Pruned {result.Pruned.Count} backup(s) older than the retention: {string.Join(", ", result.Pruned.Select(Path.GetFileName))}");
            }

            return CliExitCodes.Ok;
        }, Settings(parse, dir)));
        command.Subcommands.Add(List(options, dir));
        return command;
    }

    public static Command Restore(GlobalOptions options)
    {
        var from = new Option<string>("--from") { Description = "The backup folder: a path, or a folder name under Backups:Directory", Required = true };
        var dir = BackupDir();
        var json = Json();
        var command = new Command("restore", "Replace the three legacy SQLite files with a backup, after checking it (files, sha256, integrity, row counts) and saving the current files as a backup. Exit 0: restored and verified; 1: refused or failed.")
        {
            from, dir, json,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var result = await sp.GetRequiredService<MigrationOperations>().RestoreAsync(SystemUser.Cli, parse.GetValue(from)!, ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new { from = result.From, legacy_directory = result.LegacyDirectory, safety_copy = result.SafetyCopy, manifest = result.Manifest }, BackupManifest.JsonOptions));
                return CliExitCodes.Ok;
            }

            output.WriteLine($"Restored {result.From} into {result.LegacyDirectory} and verified it.");
            WriteFiles(output, result.Manifest);
            output.WriteLine(result.SafetyCopy is null
                ? "There were no legacy files before the restore, so nothing was saved."
                : $"The files from before the restore are in {result.SafetyCopy} (restore --from it to undo).");
            return CliExitCodes.Ok;
        }, Settings(parse, dir)));
        return command;
    }

    private static Command List(GlobalOptions options, Option<string?> dir)
    {
        var json = Json();
        var command = new Command("list", "List the backups, newest first, each checked against its manifest. Exit 0, or 1 when one does not verify.") { json };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var backups = await sp.GetRequiredService<MigrationOperations>().ListBackupsAsync(SystemUser.Cli, verify: true, ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    backups.Select(b => new { directory = b.Directory, verified = b.Verified, problems = b.Problems, manifest = b.Manifest }), BackupManifest.JsonOptions));
            }
            else
            {
                foreach (var b in backups)
                {
                    var created = b.Manifest?.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "?";
                    var rows = b.Manifest?.TotalRows.ToString("N0", CultureInfo.InvariantCulture) ?? "?";
                    output.WriteLine($"{b.Name,-32} {created,-21} {b.Manifest?.Reason ?? "?",-12} {rows,10} rows  {(b.Verified ? "verified" : "FAILED: " + string.Join("; ", b.Problems))}");
                }

                if (backups.Count == 0)
                {
                    output.WriteLine("No backups yet.");
                }
            }

            return backups.All(b => b.Verified) ? CliExitCodes.Ok : CliExitCodes.Failure;
        }, Settings(parse, dir)));
        return command;
    }

    private static void WriteFiles(TextWriter output, BackupManifest manifest)
    {
        foreach (var file in manifest.Files)
        {
            output.WriteLine($"  {file.Name,-34} {file.Size.ToString("N0", CultureInfo.InvariantCulture),14} bytes  sha256 {BackupVerifier.Prefix(file.Sha256)}  {file.TotalRows.ToString("N0", CultureInfo.InvariantCulture),9} rows");
            foreach (var (table, rows) in file.RowCounts)
            {
                output.WriteLine($"      {table,-20} {rows.ToString("N0", CultureInfo.InvariantCulture),9}");
            }
        }

        output.WriteLine($"  {"total",-34} {manifest.TotalRows.ToString("N0", CultureInfo.InvariantCulture),42} rows");
    }

    private static Option<string?> BackupDir() => new("--backup-dir")
    {
        Description = $"Folder of the backups (overrides {BackupSettings.DirectorySetting}, default ./{BackupSettings.DefaultDirectory})",
        Recursive = true,
    };

    private static Option<bool> Json() => new("--json") { Description = "Print the result as JSON" };

    private static Dictionary<string, string?> Settings(ParseResult parse, Option<string?> dir) =>
        parse.GetValue(dir) is { Length: > 0 } path ? new() { [BackupSettings.DirectorySetting] = Path.GetFullPath(path) } : [];
}
