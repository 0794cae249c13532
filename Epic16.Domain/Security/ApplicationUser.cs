using Microsoft.AspNetCore.Identity;

namespace Epic16.Domain.Security;

public class ApplicationUser : IdentityUser
{
    /// <summary>Kept on the account so the choice follows the user to any browser.</summary>
    public bool PrefersDarkMode { get; set; }
}
