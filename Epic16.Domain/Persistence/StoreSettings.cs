using Epic16.Domain.StoreMigration;
using Microsoft.Extensions.Configuration;

namespace Epic16.Domain.Persistence;

/// <summary>Where the stores are: `ConnectionStrings:BusinessCore`, `Legacy:Directory` and `Store:Mode`.</summary>
public sealed record StoreSettings(string PostgresConnectionString, string LegacyDirectory, StoreMode Mode)
{
    public static StoreSettings From(IConfiguration configuration)
    {
        var mode = configuration["Store:Mode"] is { Length: > 0 } text
            ? Enum.TryParse<StoreMode>(text, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Store:Mode '{text}' is not one of {string.Join(", ", Enum.GetNames<StoreMode>())}.")
            : StoreMode.SqliteOnly;
        var directory = Path.GetFullPath(configuration["Legacy:Directory"] is { Length: > 0 } dir ? dir : Path.Combine(".data", "legacy"));
        return new StoreSettings(BusinessCoreConnection.From(configuration), directory, mode);
    }
}
