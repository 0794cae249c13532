using System.CommandLine;

namespace Epic16.Dashboard.Cli;

/// <summary>The Dashboard binary's verbs. A verb never starts the web app.</summary>
public static class CliApp
{
    /// <summary>Anything whose first argument is not an option is a verb (an unknown one gets the help text).</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null)
    {
        var options = new GlobalOptions { Input = input ?? Console.In };
        var root = new RootCommand("Epic 16 dashboard: verbs for the database, users, demo data and the SQLite → PostgreSQL migration.");
        options.AddTo(root);
        root.Subcommands.Add(DbCommands.Create(options));
        root.Subcommands.Add(UserCommands.Create(options));
        root.Subcommands.Add(MigrateCommands.Migrate(options));
        root.Subcommands.Add(MigrateCommands.Validate(options));
        root.Subcommands.Add(SeedDemoCommand.Create(options));
        root.Subcommands.Add(ScanCommand.Create(options));
        root.Subcommands.Add(BackupCommands.Backup(options));
        root.Subcommands.Add(BackupCommands.Restore(options));
        root.Subcommands.Add(ModeCommands.Mode(options));
        root.Subcommands.Add(ModeCommands.Rollback(options));
        root.Subcommands.Add(DualWriteCommands.Reconcile(options));
        root.Subcommands.Add(OnboardingCommands.Create(options));

        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration);
        }
        catch (Exception e) when (CliErrors.IsExpected(e))
        {
            configuration.Error.WriteLine($"error: {e.Message}");
            return CliExitCodes.Failure;
        }
        catch (Exception e)
        {
            configuration.Error.WriteLine($"error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return CliExitCodes.Failure;
        }
    }
}
