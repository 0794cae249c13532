using System.CommandLine;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Dashboard.Cli;

/// <summary>Options every verb takes; they override the configuration.</summary>
public sealed class GlobalOptions
{
    /// <summary>Standard input (secrets are read from it, never taken as arguments that land in shell history and `ps`).</summary>
    public TextReader Input { get; init; } = Console.In;

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "PostgreSQL connection string (overrides ConnectionStrings:BusinessCore)",
        Recursive = true,
    };

    public Option<string?> LegacyDir { get; } = new("--legacy-dir")
    {
        Description = "Folder of the three legacy SQLite files (overrides Legacy:Directory)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Connection);
        root.Options.Add(LegacyDir);
    }

    public Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Connection) is { Length: > 0 } connection)
        {
            overrides["ConnectionStrings:BusinessCore"] = connection;
        }

        if (parse.GetValue(LegacyDir) is { Length: > 0 } legacyDir)
        {
            overrides["Legacy:Directory"] = Path.GetFullPath(legacyDir);
        }

        return overrides;
    }
}
