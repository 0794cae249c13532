using System.CommandLine;
using System.Globalization;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;

namespace Epic16.Dashboard.Cli;

/// <summary>`migrate` and `validate`: the bulk copy SQLite → PostgreSQL and the parity check, with honest exit codes.</summary>
public static class MigrateCommands
{
    public static Command Migrate(GlobalOptions options)
    {
        var tables = new Option<string?>("--tables") { Description = "Only these tables, comma-separated (legacy or target names)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("migrate", "Copy the legacy SQLite rows into PostgreSQL. Exit 0: all migrated, parity 100 %; 3: finished with quarantined rows; 1: failed (that table rolled back).")
        {
            tables, json,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var output = parse.InvocationConfiguration.Output;
            var asJson = parse.GetValue(json);
            var only = parse.GetValue(tables)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var progress = asJson ? null : new ConsoleProgress(parse.InvocationConfiguration.Error);
            var report = await sp.GetRequiredService<MigrationOperations>().MigrateAsync(SystemUser.Cli, only, progress, ct);
            progress?.Finish();
            if (asJson)
            {
                output.WriteLine(ReportJson.Of(report));
            }
            else
            {
                WriteSummary(output, report);
            }

            if (report.Failed)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {report.Error}");
                return CliExitCodes.Failure;
            }

            return report.QuarantinedRows > 0 ? CliExitCodes.Quarantined : report.ParityPercent == 100m ? CliExitCodes.Ok : CliExitCodes.ParityMismatch;
        }));
        return command;
    }

    public static Command Validate(GlobalOptions options)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("validate", "Compare SQLite and PostgreSQL row by row and by business figures. Exit 0: parity 100 %; 4: a mismatch; 1: failure.") { json };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var output = parse.InvocationConfiguration.Output;
            var asJson = parse.GetValue(json);
            var progress = asJson ? null : new ConsoleProgress(parse.InvocationConfiguration.Error);
            var report = await sp.GetRequiredService<MigrationOperations>().ValidateAsync(SystemUser.Cli, progress, ct);
            progress?.Finish();
            if (asJson)
            {
                output.WriteLine(ReportJson.Of(report));
            }
            else
            {
                WriteSummary(output, report);
            }

            return report.Matches ? CliExitCodes.Ok : CliExitCodes.ParityMismatch;
        }));
        return command;
    }

    private static void WriteSummary(TextWriter output, MigrationReport report)
    {
        output.WriteLine($"{"table",-52} {"source",10} {"migrated",10} {"quarantined",12} {"ms",8}");
        foreach (var t in report.Tables)
        {
            output.WriteLine($"{t.LegacyTable + " → " + t.TargetTable,-52} {t.SourceRows,10:N0} {t.MigratedRows,10:N0} {t.QuarantinedRows,12:N0} {t.DurationMs,8:N0}");
        }

        output.WriteLine($"{"total",-52} {report.SourceRows,10:N0} {report.MigratedRows,10:N0} {report.QuarantinedRows,12:N0} {report.DurationMs,8:N0}");
        output.WriteLine($"parity {report.ParityPercent.ToString("0.##", CultureInfo.InvariantCulture)} % · {report.Outcome}");
    }

    private static void WriteSummary(TextWriter output, ParityReport report)
    {
        output.WriteLine($"{"table",-30} {"source",9} {"target",9} {"quar.",6} {"missing",8} {"extra",6} {"diff",6} {"json",5} {"parity",8}");
        foreach (var t in report.Tables)
        {
            output.WriteLine($"{t.TargetTable,-30} {t.SourceRows,9:N0} {t.TargetRows,9:N0} {t.QuarantinedRows,6:N0} {t.Missing,8:N0} {t.Extra,6:N0} {t.Different,6:N0} {t.JsonErrors,5:N0} {t.ParityPercent,7:0.##}%");
        }

        output.WriteLine();
        output.WriteLine($"{"business figure",-34} {"sqlite",18} {"postgres",18} {"variance",9}");
        foreach (var f in report.BusinessFigures)
        {
            output.WriteLine($"{f.Name,-34} {f.Sqlite,18:N2} {f.Postgres,18:N2} {f.VariancePercent,8:0.####}%");
        }

        if (report.HealthRecalculation is { } health)
        {
            output.WriteLine($"{"legacy health scores recomputed",-34} {health.Clients,18:N0} clients, variance {health.VariancePercent?.ToString("0.##", CultureInfo.InvariantCulture) ?? "n/a"} % "
                + $"(rollback trigger above {health.TriggerPercent:0} %{(health.Tripped ? ": TRIPPED" : "")}), risk level agrees for {health.BandsAgreeing:N0}");
        }

        foreach (var s in report.Samples)
        {
            output.WriteLine($"  {s.Kind} {s.TargetTable} #{s.Id}: {string.Join("; ", s.Columns.Select(c => $"{c.Column}: sqlite={c.Sqlite} postgres={c.Postgres}"))}");
        }

        output.WriteLine($"parity {report.ParityPercent.ToString("0.##", CultureInfo.InvariantCulture)} % · {report.QuarantinedRows} quarantined row(s) reported apart · {(report.Matches ? "match" : "MISMATCH")} · {report.DurationMs:N0} ms");
    }
}
