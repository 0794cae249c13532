namespace Epic16.Domain.Persistence;

/// <summary>How the stores are named to people: on pages, in reports and in the CLI.</summary>
public static class StoreKindNames
{
    public static string DisplayName(this StoreKind store) => store == StoreKind.Sqlite ? "SQLite" : "PostgreSQL";
}
