using System.Security.Claims;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Dashboard.Hosting;

/// <summary>Per-user display choices, stored on the account.</summary>
public sealed class UserPreferences(IDbContextFactory<PlatformContext> platform)
{
    public async Task<bool> PrefersDarkModeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return false;
        }

        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == id).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(ct);
    }

    public async Task SetDarkModeAsync(ClaimsPrincipal user, bool dark, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return;
        }

        await using var db = await platform.CreateDbContextAsync(ct);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (account is not null)
        {
            account.PrefersDarkMode = dark;
            await db.SaveChangesAsync(ct);
        }
    }
}
