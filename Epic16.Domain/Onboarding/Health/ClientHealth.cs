using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>One client's health for its page: now, the trend against 30 days earlier and the history with its components.</summary>
public sealed class ClientHealth(HealthSnapshots snapshots, IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    public async Task<ClientHealthView> LoadAsync(ICurrentUser user, long clientId, int days = HealthBoard.SparklineDays, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        var today = OnboardingClock.Today(clock);
        var now = await snapshots.ComputeAsync(clientId, today, ct);
        await using var control = await platform.CreateDbContextAsync(ct);
        var from = today.AddDays(-Math.Max(days, 31));
        var rows = await control.HealthSnapshots.AsNoTracking().Where(s => s.ClientId == clientId && s.Day >= from).OrderBy(s => s.Day).ToListAsync(ct);
        var earlier = rows.LastOrDefault(s => s.Day <= today.AddDays(-30))?.Score;
        var history = rows.Where(s => s.Day > today.AddDays(-days))
            .Select(s => new HealthPoint(s.Day, s.Score, s.Band, s.CoveragePercent, HealthSnapshots.BreakdownOf(s))).ToList();
        return new ClientHealthView(now, earlier, history);
    }
}
