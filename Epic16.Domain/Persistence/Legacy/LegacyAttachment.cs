namespace Epic16.Domain.Persistence.Legacy;

/// <summary>A secondary legacy file to ATTACH on a connection opened with <see cref="LegacyStore.ConnectionString"/>.</summary>
public sealed record LegacyAttachment(string Alias, string FilePath)
{
    /// <summary>The statement to run: bind <see cref="FilePath"/> to the <c>$path</c> parameter (ATTACH takes an expression).</summary>
    public string AttachSql => $"ATTACH DATABASE $path AS {Alias}";
}
