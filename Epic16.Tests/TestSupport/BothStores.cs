namespace Epic16.Tests.TestSupport;

/// <summary>The two modes every feature is tested in (SQLite, then PostgreSQL): `[Theory, ClassData(typeof(BothStores))]`.</summary>
public sealed class BothStores : TheoryData<string>
{
    public BothStores()
    {
        Add("SqliteOnly");
        Add("PostgresOnly");
    }
}
