using System.CommandLine;
using System.Text.Json;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Dashboard.Cli;

/// <summary>
/// `mode [show]`, `mode set MODE --reason TEXT` and `rollback --reason TEXT`: the persisted store mode, one step forward
/// through the cutover gates or one step back, as the CLI operator (an admin). Running app instances follow through NOTIFY.
/// </summary>
public static class ModeCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Mode(GlobalOptions options)
    {
        var command = new Command("mode", "Show the persisted store mode (also: `mode show`), or move it one step forward with `mode set`. Exit 0: ok; 1: failure.");
        var json = JsonOption();
        command.Options.Add(json);
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, sp => ShowAsync(sp, parse, parse.GetValue(json), ct)));

        var showJson = JsonOption();
        var show = new Command("show", "Show the persisted store mode, who set it, when and why, and the next and previous modes. Exit 0: ok; 1: failure.") { showJson };
        show.SetAction((parse, ct) => CliHost.RunAsync(parse, options, sp => ShowAsync(sp, parse, parse.GetValue(showJson), ct)));
        command.Subcommands.Add(show);
        command.Subcommands.Add(Set(options));
        return command;
    }

    public static Command Rollback(GlobalOptions options)
    {
        var reason = ReasonOption();
        var json = JsonOption();
        var command = new Command("rollback", "Move the store mode one step back (from PostgresOnly, PostgreSQL is synced into SQLite first), at any time. Exit 0: rolled back; 1: failure.") { reason, json };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var cutover = sp.GetRequiredService<CutoverController>();
            await cutover.LoadModeAsync(ct);
            var result = await cutover.RollbackAsync(SystemUser.Cli, parse.GetValue(reason)!, Progress(parse, parse.GetValue(json)), ct);
            return WriteResult(parse, result, parse.GetValue(json));
        }));
        return command;
    }

    private static Command Set(GlobalOptions options)
    {
        var target = new Argument<StoreMode>("mode") { Description = $"The next mode: {string.Join(", ", Enum.GetNames<StoreMode>())}" };
        var reason = ReasonOption();
        var json = JsonOption();
        var backupDir = new Option<string?>("--backup-dir") { Description = $"Folder of the backups the backup gate looks at (overrides {BackupSettings.DirectorySetting})" };
        var command = new Command("set", $"Move the store mode one step forward once every cutover gate is green (parity, quarantine, latency, error rate, Epic 7 pipeline, a backup younger than an hour). Exit 0: switched; {CliExitCodes.GatesRed}: refused, a gate is red; 1: failure.")
        {
            target, reason, json, backupDir,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var asJson = parse.GetValue(json);
            var cutover = sp.GetRequiredService<CutoverController>();
            await cutover.LoadModeAsync(ct);
            var mode = parse.GetValue(target);
            if (CutoverController.Previous(cutover.Mode) == mode)
            {
                throw new ArgumentException($"{mode} is one step back from {cutover.Mode}: use `rollback --reason TEXT`.");
            }

            try
            {
                // At the CLI, naming the mode on the command line is the typed confirmation.
                var result = await cutover.MoveForwardAsync(SystemUser.Cli, mode, mode.ToString(), parse.GetValue(reason)!, Progress(parse, asJson), ct);
                return WriteResult(parse, result, asJson);
            }
            catch (CutoverRefusedException refused)
            {
                var output = parse.InvocationConfiguration.Output;
                if (asJson)
                {
                    output.WriteLine(JsonSerializer.Serialize(new { refused = true, message = refused.Message, gates = refused.Gates }, Json));
                }
                else
                {
                    WriteGates(output, refused.Gates);
                }

                parse.InvocationConfiguration.Error.WriteLine($"error: {refused.Message}");
                return CliExitCodes.GatesRed;
            }
        }, parse.GetValue(backupDir) is { Length: > 0 } dir ? [new(BackupSettings.DirectorySetting, Path.GetFullPath(dir))] : null));
        return command;
    }

    private static async Task<int> ShowAsync(IServiceProvider sp, ParseResult parse, bool asJson, CancellationToken ct)
    {
        var cutover = sp.GetRequiredService<CutoverController>();
        var current = await cutover.LoadModeAsync(ct);
        var mode = cutover.Mode;
        var output = parse.InvocationConfiguration.Output;
        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                mode = mode.ToString(),
                changed_at = current.ChangedAt,
                changed_by = current.ChangedBy,
                reason = current.Reason,
                emergency = current.Emergency,
                pause_ms = current.PauseMs,
                next = CutoverController.Next(mode)?.ToString(),
                previous = CutoverController.Previous(mode)?.ToString(),
                figures = ModeFigures.FromJson(current.Figures),
            }, Json));
            return CliExitCodes.Ok;
        }

        output.WriteLine($"mode {mode}{(current.Emergency ? " (forced by the emergency switch EPIC16_POSTGRESQL_ONLY=false)" : "")}");
        output.WriteLine($"set {current.ChangedAt:yyyy-MM-dd HH:mm:ss} UTC by {current.ChangedBy}: {current.Reason}");
        output.WriteLine($"next: {CutoverController.Next(mode)?.ToString() ?? "(none)"} · previous: {CutoverController.Previous(mode)?.ToString() ?? "(none)"}");
        return CliExitCodes.Ok;
    }

    private static int WriteResult(ParseResult parse, CutoverResult result, bool asJson)
    {
        var output = parse.InvocationConfiguration.Output;
        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                from = result.From.ToString(),
                to = result.To.ToString(),
                pause_ms = (long)result.Pause.TotalMilliseconds,
                drift_found = result.FinalReconcile?.Found,
                drift_repaired = result.FinalReconcile?.Repaired,
                changed_at = result.Change.ChangedAt,
                changed_by = result.Change.ChangedBy,
            }, Json));
        }
        else
        {
            output.WriteLine($"{result.From} → {result.To}: writes paused {(long)result.Pause.TotalMilliseconds} ms; final reconcile {result.FinalReconcile?.Found ?? 0} drifted, {result.FinalReconcile?.Repaired ?? 0} repaired");
        }

        return CliExitCodes.Ok;
    }

    private static void WriteGates(TextWriter output, IReadOnlyList<CutoverGate> gates)
    {
        foreach (var gate in gates)
        {
            output.WriteLine($"{(gate.Ok ? "ok " : "RED"),-4} {gate.Name,-30} {gate.Figure}");
        }
    }

    private static IProgress<CutoverProgress>? Progress(ParseResult parse, bool asJson) =>
        asJson ? null : new StepLines(parse.InvocationConfiguration.Error);

    /// <summary>One line per step on stderr, written as it happens (Progress&lt;T&gt; would post them later, out of order).</summary>
    private sealed class StepLines(TextWriter error) : IProgress<CutoverProgress>
    {
        public void Report(CutoverProgress value) =>
            error.WriteLine($"[{value.Index}/{value.Steps}] {value.Step}{(value.Detail is null ? "" : $" ({value.Detail})")}");
    }

    private static Option<string> ReasonOption() => new("--reason") { Description = "Why (goes into the audit log)", Required = true };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print the result as JSON" };
}
