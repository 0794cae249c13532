using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// The health board's data, aggregated on the server: each client's latest snapshot, sorted by risk (band, then score), counts
/// per band, the 90-day sparkline of the cards shown, and the quarantined client rows.
/// </summary>
public sealed class HealthBoard(IStoreRouter router, IDbContextFactory<PlatformContext> platform)
{
    public const int SparklineDays = 90;
    public const int DefaultCards = 60;
    public const string NoData = "none";

    public async Task<HealthBoardView> LoadAsync(ICurrentUser user, string? csm = null, string? band = null, int take = DefaultCards, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var clients = await db.OnboardingClients.AsNoTracking().Select(c => new { c.Id, c.CompanyName, c.CsmOwner, c.Status }).ToListAsync(ct);

        await using var control = await platform.CreateDbContextAsync(ct);
        var lastDay = await control.HealthSnapshots.MaxAsync(s => (DateOnly?)s.Day, ct);
        var latest = lastDay is { } d
            ? await control.HealthSnapshots.AsNoTracking().Where(s => s.Day == d).Select(s => new { s.ClientId, s.Score, s.Band, s.CoveragePercent }).ToDictionaryAsync(s => s.ClientId, ct)
            : [];
        var monthBefore = lastDay is { } m
            ? await control.HealthSnapshots.AsNoTracking().Where(s => s.Day == m.AddDays(-30)).Select(s => new { s.ClientId, s.Score }).ToDictionaryAsync(s => s.ClientId, s => s.Score, ct)
            : [];

        var rows = clients
            .Where(c => string.IsNullOrEmpty(csm) || string.Equals(c.CsmOwner, csm, StringComparison.OrdinalIgnoreCase))
            .Select(c => (Client: c, Snapshot: latest.GetValueOrDefault(c.Id)))
            .ToList();
        var counts = HealthBands.All.Append(NoData).ToDictionary(b => b, b => rows.Count(r => (r.Snapshot?.Band ?? NoData) == b));
        var matching = rows
            .Where(r => string.IsNullOrEmpty(band) || (r.Snapshot?.Band ?? NoData) == band)
            .OrderBy(r => HealthBands.Rank(r.Snapshot?.Band)).ThenBy(r => r.Snapshot?.Score ?? 101m).ThenBy(r => r.Client.CompanyName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var shown = matching.Take(take).ToList();
        var ids = shown.Select(r => r.Client.Id).ToList();

        var from = lastDay is { } last ? last.AddDays(-(SparklineDays - 1)) : DateOnly.MinValue;
        var points = lastDay is null ? [] : await control.HealthSnapshots.AsNoTracking().Where(s => ids.Contains(s.ClientId) && s.Day >= from)
            .Select(s => new { s.ClientId, s.Day, s.Score }).ToListAsync(ct);
        var series = points.GroupBy(p => p.ClientId).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Day, p => p.Score));
        var escalations = await control.Escalations.AsNoTracking().Where(e => ids.Contains(e.ClientId) && e.Status != EscalationStatus.Resolved)
            .GroupBy(e => e.ClientId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var cards = shown.Select(r =>
        {
            var days = series.GetValueOrDefault(r.Client.Id);
            IReadOnlyList<decimal?> sparkline = days is null ? [] : [.. Enumerable.Range(0, SparklineDays).Select(i => days.GetValueOrDefault(from.AddDays(i)))];
            var before = monthBefore.GetValueOrDefault(r.Client.Id);
            return new HealthCard(r.Client.Id, r.Client.CompanyName, r.Client.CsmOwner, r.Client.Status, r.Snapshot is null ? null : lastDay,
                r.Snapshot?.Score, r.Snapshot?.Band, r.Snapshot?.Score - before, r.Snapshot?.CoveragePercent ?? 0m, sparkline, escalations.GetValueOrDefault(r.Client.Id));
        }).ToList();

        var owners = clients.Where(c => c.CsmOwner is not null).Select(c => c.CsmOwner!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var quarantined = (await QuarantineQueries.UnresolvedAsync(control, "clients", ct))
            .Select(q => new QuarantinedClient(q.LegacyId, q.Column, q.RawValue, q.Reason)).ToList();
        return new HealthBoardView(cards, matching.Count, counts, owners, quarantined);
    }
}
