using System.CommandLine;
using System.Globalization;
using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;

namespace Epic16.Dashboard.Cli;

public static class SeedDemoCommand
{
    public static Command Create(GlobalOptions options)
    {
        var scale = new Option<int>("--scale") { Description = "Multiply the volumes (1 ≈ 80 prospects, 180 touchpoints, 40 clients)", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Replace existing legacy files (Development and SqliteOnly only; backed up first)" };
        var skipCrm = new Option<bool>("--skip-crm") { Description = "Do not touch the Epic 7 CRM on PostgreSQL (conversions get ids 1, 2, …)" };
        var command = new Command("seed-demo", "Write the three legacy SQLite files with demo data (and seed the Epic 7 CRM).") { scale, force, skipCrm };
        scale.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--scale must be 1 or more.");
            }
        });
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (report, backup) = await sp.GetRequiredService<DemoSeeding>()
                .SeedAsync(SystemUser.Cli, parse.GetValue(scale), parse.GetValue(force), parse.GetValue(skipCrm), ct);
            if (backup is not null)
            {
                output.WriteLine($"The previous legacy files were backed up to {backup}");
            }

            Print(output, report);
            return CliExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(TextWriter output, DemoSeedReport report)
    {
        var data = report.Data;
        output.WriteLine($"Legacy demo data written to {report.Directory}");
        foreach (var (table, rows) in data.RowsPerTable)
        {
            output.WriteLine($"  {LegacyStore.FileOf(table).Alias,-10} {table,-18} {rows.ToString("N0", CultureInfo.InvariantCulture),12}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"total",-29} {data.TotalRows,12:N0} rows in {data.Elapsed.TotalSeconds:F1} s ({data.RowsPerSecond:N0} rows/s)"));
        output.WriteLine($"Rows the migration must quarantine: {string.Join("; ", DemoDataGenerator.BrokenRows.Select(b => $"{b.Table} #{b.Id} {b.Column} ({b.Reason})"))}");
        output.WriteLine(report.Crm?.Message ?? "CRM skipped (--skip-crm): crm_conversions.crm_contact_id are 1, 2, … as a fresh CRM would number the contacts.");
    }
}
