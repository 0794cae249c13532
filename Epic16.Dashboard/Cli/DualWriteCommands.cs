using System.CommandLine;
using System.Text.Json;
using Epic16.Domain.Auditing;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;

namespace Epic16.Dashboard.Cli;

/// <summary>
/// `reconcile [--full]`: one reconcile pass from the persisted mode's primary to the other store: the keys changed since
/// the watermark, or with `--full` every row (the rollback sync by hand; the only pass that finds a write the app did not see).
/// (The single-row save benchmark is bench/DualWriteSaveBench, outside the product.)
/// </summary>
public static class DualWriteCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Reconcile(GlobalOptions options)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var full = new Option<bool>("--full") { Description = "Compare every row of every table, not only the keys changed since the last pass" };
        var command = new Command("reconcile", "Compare both stores by row hashes (the keys changed since the last pass, or every row with --full) and repair the other store from the persisted mode's primary. Exit 0: in sync afterwards; 1: failure.") { json, full };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            await sp.GetRequiredService<CutoverController>().LoadModeAsync(ct);
            var primary = StoreModeState.PrimaryOf(sp.GetRequiredService<StoreModeState>().Mode);
            var reconciler = sp.GetRequiredService<Reconciler>();
            var report = parse.GetValue(full)
                ? await reconciler.ReconcileAsync(SystemUser.Cli, primary, StoreModeState.Other(primary), ct: ct)
                : await reconciler.ReconcileChangedAsync(SystemUser.Cli, primary, StoreModeState.Other(primary), ct: ct);
            var scope = report.Pass == ReconcilePass.Full ? "every row" : $"{report.ChangedKeys} changed key(s)";
            await sp.GetRequiredService<AuditLog>().RecordAsync(SystemUser.Cli, "dualwrite.reconcile", $"{report.From} → {report.To}",
                details: $"{scope}: {report.Found} drifted, {report.Repaired} repaired in {report.DurationMs} ms", ct: ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { from = report.From.ToString(), to = report.To.ToString(), pass = report.Pass.ToString(), report.ChangedKeys, report.DurationMs, report.Found, report.Repaired, rows = report.Tables.Sum(t => t.PrimaryRows), report.Tables }, Json));
            }
            else
            {
                foreach (var t in report.Tables)
                {
                    output.WriteLine($"{t.Table,-30} {t.PrimaryRows,10:N0} {t.SecondaryRows,10:N0} missing {t.Missing,6:N0} different {t.Different,6:N0} extra {t.Extra,6:N0} repaired {t.Repaired,6:N0}");
                }

                output.WriteLine($"{report.From} → {report.To} ({scope}): {report.Found} drifted, {report.Repaired} repaired in {report.DurationMs:N0} ms");
            }

            return report.InSync ? CliExitCodes.Ok : CliExitCodes.Failure;
        }));
        return command;
    }
}
