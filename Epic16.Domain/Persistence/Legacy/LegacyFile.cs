namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// One of the three legacy SQLite files: its fixed file name, the schema alias it has on the shared
/// connection (<c>main</c> for the acquisition file, which the connection string opens; the others are ATTACHed),
/// the embedded DDL that creates it and the tables it holds, in foreign-key order.
/// </summary>
public sealed record LegacyFile(string FileName, string Alias, string DdlResourceName, IReadOnlyList<string> Tables)
{
    /// <summary>True for the file the connection string opens; the others must be ATTACHed.</summary>
    public bool IsMain => Alias == LegacyStore.MainAlias;

    public string PathIn(string directory) => Path.Combine(Path.GetFullPath(directory), FileName);
}
