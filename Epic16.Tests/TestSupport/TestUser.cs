using Epic16.Domain.Security;

namespace Epic16.Tests.TestSupport;

/// <summary>A caller holding the given roles, for service tests.</summary>
public sealed class TestUser(string name, params string[] roles) : ICurrentUser
{
    public static TestUser Rep { get; } = new("rep@epic16.test", AppRoles.Sales);

    public static TestUser Csm { get; } = new("csm@epic16.test", AppRoles.CustomerSuccess);

    public string Name => name;

    public bool IsInRole(string role) => roles.Contains(role);
}
