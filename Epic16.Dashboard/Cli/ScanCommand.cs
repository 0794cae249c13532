using System.CommandLine;
using Epic16.Domain.Auditing;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;

namespace Epic16.Dashboard.Cli;

/// <summary>`scan`: read every legacy row and list the unreadable ones in migration_quarantine (they are hidden from the pages).</summary>
public static class ScanCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("scan", "Read every legacy row through the parser; rows that cannot be converted are quarantined (and kept out of the pages).");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var result = await sp.GetRequiredService<QuarantineScanner>().ScanAsync(SystemUser.Cli, ct);
            var output = parse.InvocationConfiguration.Output;
            foreach (var table in result.Tables.Where(t => t.QuarantinedRows > 0))
            {
                output.WriteLine($"  {table.LegacyTable,-20} {table.QuarantinedRows,6:N0} of {table.Rows:N0} rows quarantined");
            }

            output.WriteLine($"Scanned {result.Tables.Sum(t => t.Rows):N0} legacy rows: {result.QuarantinedRows:N0} quarantined ({result.NewlyQuarantined} new, {result.Released} released).");
            await sp.GetRequiredService<AuditLog>().RecordAsync(SystemUser.Cli, "legacy.scan",
                details: $"{result.Tables.Sum(t => t.Rows)} rows, {result.QuarantinedRows} quarantined ({result.NewlyQuarantined} new, {result.Released} released)", ct: ct);
            return CliExitCodes.Ok;
        }));
        return command;
    }
}
