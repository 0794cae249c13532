namespace Epic16.Domain.Security;

/// <summary>The operator at the CLI: holds every role, and is named after the OS account in the audit log.</summary>
public sealed class SystemUser(string name) : ICurrentUser
{
    public static SystemUser Cli { get; } = new($"cli:{Environment.UserName}");

    public static SystemUser Seeder { get; } = new("system:seed");

    public string Name { get; } = name;

    public bool IsInRole(string role) => true;
}
