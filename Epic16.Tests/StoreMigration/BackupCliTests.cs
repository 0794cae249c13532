using System.Text.Json.Nodes;
using Epic16.Dashboard.Cli;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.DemoData;
using Epic16.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Epic16.Tests.StoreMigration;

public sealed class BackupCliTests(PostgresServer postgres, DemoDataFixture demo) : IClassFixture<DemoDataFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Backup_DemoFiles_ExitsZeroPrintingFolderShaAndCounts()
    {
        var args = await ArgsAsync();

        var result = await RunAsync(["backup", .. args]);

        Assert.Equal((CliExitCodes.Ok, ""), (result.ExitCode, result.Error));
        var folder = Assert.Single(Directory.GetDirectories(_folder.Combine("backups")));
        Assert.Contains(folder, result.Output);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json"), TestContext.Current.CancellationToken))!;
        Assert.Contains(manifest["files"]![0]!["sha256"]!.GetValue<string>()[..12], result.Output);
        Assert.Matches($@"prospects\s+{demo.Result.RowsPerTable["prospects"].ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}\b", result.Output);
    }

    [Fact]
    public async Task BackupJsonThenRestore_GoodBackup_ExitsZeroAndRestoresTheRows()
    {
        var args = await ArgsAsync();
        var backup = await RunAsync(["backup", "--json", .. args]);
        var folder = JsonNode.Parse(backup.Output)!["directory"]!.GetValue<string>();
        BackupFiles.Execute(LegacyStore.Acquisition.PathIn(_folder.Combine("legacy")), "DELETE FROM prospects;");

        var restore = await RunAsync(["restore", "--from", Path.GetFileName(folder), .. args]);

        Assert.Equal((CliExitCodes.Ok, CliExitCodes.Ok, ""), (backup.ExitCode, restore.ExitCode, restore.Error));
        Assert.Equal(demo.Result.RowsPerTable["prospects"], BackupFiles.Count(_folder.Combine("legacy"), "prospects"));
        Assert.Contains("from before the restore", restore.Output);
    }

    [Fact]
    public async Task Restore_TamperedBackup_ExitsOneWithOneErrorLineAndChangesNothing()
    {
        var args = await ArgsAsync();
        var backup = await RunAsync(["backup", "--json", .. args]);
        var folder = JsonNode.Parse(backup.Output)!["directory"]!.GetValue<string>();
        BackupFiles.FlipByte(Path.Combine(folder, LegacyStore.OnboardingFileName), 3000);
        BackupFiles.Execute(LegacyStore.Acquisition.PathIn(_folder.Combine("legacy")), "DELETE FROM prospects;");
        var live = BackupFiles.Snapshot(_folder.Combine("legacy"));

        var restore = await RunAsync(["restore", "--from", folder, .. args]);

        Assert.Equal(CliExitCodes.Failure, restore.ExitCode);
        var line = Assert.Single(restore.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", line);
        Assert.Contains(LegacyStore.OnboardingFileName, line);
        Assert.DoesNotContain("   at ", restore.Error + restore.Output);
        Assert.Equal(live, BackupFiles.Snapshot(_folder.Combine("legacy")));
    }

    [Fact]
    public async Task Backup_LegacyFileMissing_ExitsOneWithOneErrorLine()
    {
        var args = await ArgsAsync();
        File.Delete(LegacyStore.Abm.PathIn(_folder.Combine("legacy")));

        var result = await RunAsync(["backup", .. args]);

        Assert.Equal(CliExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", line);
        Assert.Contains(LegacyStore.AbmFileName, line);
    }

    [Fact]
    public async Task BackupList_OneGoodOneTampered_ExitsOneMarkingTheBadOne()
    {
        var args = await ArgsAsync();
        var good = await RunAsync(["backup", "--json", .. args]);
        await RunAsync(["restore", "--from", JsonNode.Parse(good.Output)!["directory"]!.GetValue<string>(), .. args]);
        var backups = Directory.GetDirectories(_folder.Combine("backups")).Order().ToList();
        File.Delete(Path.Combine(backups[^1], LegacyStore.AbmFileName));

        var list = await RunAsync(["backup", "list", .. args]);

        Assert.Equal(CliExitCodes.Failure, list.ExitCode);
        Assert.Single(list.Output.Split('\n'), l => l.Contains("FAILED") && l.Contains(LegacyStore.AbmFileName));
        Assert.Single(list.Output.Split('\n'), l => l.Contains("verified"));
    }

    private async Task<string[]> ArgsAsync()
    {
        var db = await postgres.CreateDatabaseAsync("backupcli", TestContext.Current.CancellationToken);
        var legacy = BackupFiles.CopyDemo(demo.Directory, _folder);
        return ["--connection", db, "--legacy-dir", legacy, "--backup-dir", _folder.Combine("backups")];
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
