namespace Epic16.Domain.Persistence;

public enum StoreKind
{
    Sqlite,
    Postgres,
}
