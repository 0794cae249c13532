using Epic16.Domain.Security;

namespace Epic16.Tests.Domain.Acquisition;

/// <summary>A caller holding the given roles, for service tests.</summary>
public sealed class RoleUser(string name, params string[] roles) : ICurrentUser
{
    public static RoleUser Rep { get; } = new("rep@epic16.test", AppRoles.Sales);

    public static RoleUser Csm { get; } = new("csm@epic16.test", AppRoles.CustomerSuccess);

    public string Name => name;

    public bool IsInRole(string role) => roles.Contains(role);
}
