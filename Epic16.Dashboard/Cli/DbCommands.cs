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

        var output = new Option<string>("--output") { Description = "Where to write the script", DefaultValueFactory = _ => Epic16SchemaScript.RelativePath };
        var script = new Command("script", "Write the PostgreSQL DDL of the 15 Epic 16 tables (database/epic16_schema.sql) from the migrations.") { output };
        script.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, Epic16SchemaScript.Generate(), ct);
            parse.InvocationConfiguration.Output.WriteLine($"Wrote {path}");
            return CliExitCodes.Ok;
        });

        var db = new Command("db", "The PostgreSQL schema.");
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(script);
        return db;
    }
}
