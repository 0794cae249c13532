using Epic16.Domain.Security;

namespace Epic16.Tests.Domain.Acquisition;

/// <summary>A caller with the given roles, for service tests.</summary>
internal sealed class TestUser(string name, params string[] roles) : ICurrentUser
{
    public string Name => name;

    public bool IsInRole(string role) => roles.Contains(role);
}
