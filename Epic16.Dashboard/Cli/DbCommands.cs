using System.CommandLine;
using Epic16.Domain.Persistence;

namespace Epic16.Dashboard.Cli;

public static class DbCommands
{
    public static Command Create(GlobalOptions options)
    {
        var migrate = new Command("migrate", "Apply the EF Core migrations to PostgreSQL (the app also does this at start).");
        migrate.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var applied = await sp.GetRequiredService<DatabaseSetup>().MigrateAsync(ct);
            parse.InvocationConfiguration.Output.WriteLine(applied.Count == 0
                ? "Database schema is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return CliExitCodes.Ok;
        }));

        var db = new Command("db", "The PostgreSQL schema.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
