namespace Epic16.Domain.Security;

/// <summary>Who is calling a service operation: a signed-in user, or the operator of the CLI.</summary>
public interface ICurrentUser
{
    string Name { get; }

    bool IsInRole(string role);
}
