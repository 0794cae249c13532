using System.Security.Claims;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Dashboard.Hosting;

/// <summary>Per-user display choices, stored on the account.</summary>
/// <remarks>Read by the layout on every page: a store failure falls back to light mode instead of failing the page.</remarks>
public sealed class UserPreferences(IDbContextFactory<PlatformContext> platform, ILogger<UserPreferences> logger)
{
    public async Task<bool> PrefersDarkModeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return false;
        }

        try
        {
            await using var db = await platform.CreateDbContextAsync(ct);
            return await db.Users.Where(u => u.Id == id).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Dark-mode preference not read ({Reason}); showing light mode", e.Message.Split('\n')[0]);
            return false;
        }
    }

    public async Task SetDarkModeAsync(ClaimsPrincipal user, bool dark, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return;
        }

        try
        {
            await using var db = await platform.CreateDbContextAsync(ct);
            var account = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (account is not null)
            {
                account.PrefersDarkMode = dark;
                await db.SaveChangesAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The choice still applies to this session; it is only not remembered.
            logger.LogWarning("Dark-mode preference not saved: {Reason}", e.Message.Split('\n')[0]);
        }
    }
}
