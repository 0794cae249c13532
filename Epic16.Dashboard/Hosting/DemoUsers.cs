using Epic16.Domain.Security;

namespace Epic16.Dashboard.Hosting;

public sealed record DemoUser(string Email, string Role, string Password);

/// <summary>One demo user per role, Development only; e-mails and passwords come from the `DemoUsers` section.</summary>
public static class DemoUsers
{
    public static IReadOnlyList<DemoUser> From(IConfiguration configuration)
    {
        var section = configuration.GetSection("DemoUsers");
        var password = section["Password"];
        if (string.IsNullOrWhiteSpace(password))
        {
            return [];
        }

        return AppRoles.All
            .Select(role => new DemoUser(section[$"{role}:Email"] ?? $"{role.ToLowerInvariant()}@epic16.demo", role, section[$"{role}:Password"] ?? password))
            .ToList();
    }
}
