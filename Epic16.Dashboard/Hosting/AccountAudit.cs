using Epic16.Domain.Auditing;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Identity;

namespace Epic16.Dashboard.Hosting;

/// <summary>
/// Sign-ins, lockouts and password changes in the audit log. A lockout also renews the security stamp, so the
/// user's sessions elsewhere end at their next revalidation.
/// </summary>
public sealed class AccountAudit(AuditLog audit, UserManager<ApplicationUser> users)
{
    public async Task SignInAsync(string email, Microsoft.AspNetCore.Identity.SignInResult result, CancellationToken ct = default)
    {
        var actor = new SystemUser(email);
        if (result.Succeeded)
        {
            await audit.RecordAsync(actor, "account.sign-in", email, ct: ct);
            return;
        }

        if (result.IsLockedOut)
        {
            if (await users.FindByEmailAsync(email) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await audit.RecordAsync(actor, "account.locked-out", email, ct: ct);
            return;
        }

        await audit.RecordAsync(actor, "account.sign-in-failed", email, ct: ct);
    }

    public Task PasswordChangedAsync(string email, CancellationToken ct = default) =>
        audit.RecordAsync(new SystemUser(email), "account.password-changed", email, ct: ct);
}
