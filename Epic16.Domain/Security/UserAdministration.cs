using System.Net.Mail;
using Epic16.Domain.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Security;

public sealed record UserSummary(string Id, string Email, IReadOnlyList<string> Roles, bool LockedOut, DateTimeOffset? LockoutEnd)
{
    /// <summary>Disabled by an admin: locked without end (a lockout after wrong passwords ends after minutes).</summary>
    public bool Disabled => LockoutEnd >= UserAdministration.DisabledUntil;
}

/// <summary>Users and their roles, managed by admins from the Admin page and the CLI; every change is audited.</summary>
public sealed class UserAdministration(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, AuditLog audit, TimeProvider clock)
{
    /// <summary>The lockout end of a disabled account (a date PostgreSQL and every client store exactly).</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(ICurrentUser actor, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.ManageUsers);
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var result = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            var userRoles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            result.Add(new UserSummary(user.Id, user.Email ?? user.UserName ?? "", userRoles, user.LockoutEnd > now, user.LockoutEnd));
        }

        return result;
    }

    /// <summary>Creates a user with a confirmed e-mail and the given roles.</summary>
    public async Task<UserSummary> AddAsync(ICurrentUser actor, string email, string password, IReadOnlyCollection<string> roleNames, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.ManageUsers);
        email = ValidateEmail(email);
        ValidateRoles(roleNames);
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new UserAdministrationException($"A user with the e-mail {email} already exists.");
        }

        await EnsureRolesAsync(ct);
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        if (roleNames.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, roleNames));
        }

        await audit.RecordAsync(actor, "user.add", email, details: $"roles: {string.Join(", ", roleNames)}", ct: ct);
        return new UserSummary(user.Id, email, roleNames.Order(StringComparer.Ordinal).ToList(), false, null);
    }

    public async Task SetRolesAsync(ICurrentUser actor, string email, IReadOnlyCollection<string> roleNames, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.ManageUsers);
        ValidateRoles(roleNames);
        var user = await FindAsync(email);
        if (string.Equals(user.Email, actor.Name, StringComparison.OrdinalIgnoreCase) && !roleNames.Contains(AppRoles.Admin))
        {
            throw new UserAdministrationException("You cannot take the Admin role away from yourself.");
        }

        var current = await users.GetRolesAsync(user);
        var change = $"{string.Join(", ", current.Order())} -> {string.Join(", ", roleNames.Order())}";
        try
        {
            Check(await users.RemoveFromRolesAsync(user, current.Except(roleNames)));
            Check(await users.AddToRolesAsync(user, roleNames.Except(current)));
        }
        catch (Exception e)
        {
            // Halfway is possible (roles removed, adding failed): the record says what was asked and what is held now.
            var held = string.Join(", ", (await users.GetRolesAsync(user)).Order());
            await audit.RecordAsync(actor, "user.roles.failed", user.Email, details: $"{change}; holds now: {held}; {e.Message}", ct: ct);
            await users.UpdateSecurityStampAsync(user);
            throw;
        }

        // A new stamp makes every open session of the user revalidate and drop the old roles.
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RecordAsync(actor, "user.roles", user.Email, details: change, ct: ct);
    }

    /// <summary>Disables (locks without end) or enables a user; a disabled user's open sessions end at the next revalidation.</summary>
    public async Task SetDisabledAsync(ICurrentUser actor, string email, bool disabled, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.ManageUsers);
        var user = await FindAsync(email);
        if (disabled && string.Equals(user.Email, actor.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserAdministrationException("You cannot disable your own account.");
        }

        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RecordAsync(actor, disabled ? "user.disable" : "user.enable", user.Email, ct: ct);
    }

    public async Task UnlockAsync(ICurrentUser actor, string email, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.ManageUsers);
        var user = await FindAsync(email);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RecordAsync(actor, "user.unlock", user.Email, ct: ct);
    }

    private async Task<ApplicationUser> FindAsync(string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new UserAdministrationException($"No user has the e-mail {email.Trim()}.");

    private static string ValidateEmail(string email)
    {
        email = email.Trim();
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            throw new UserAdministrationException($"'{email}' is not a valid e-mail address.");
        }

        return email;
    }

    private static void ValidateRoles(IEnumerable<string> roleNames)
    {
        var unknown = roleNames.Where(r => !AppRoles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new UserAdministrationException($"Unknown role {string.Join(", ", unknown)}: use {string.Join(", ", AppRoles.All)}.");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new UserAdministrationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
