using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// The health board's data: each client's latest snapshot, sorted by risk (band, then score, then name), counts per band, the
/// 90-day sparkline of the cards shown, and the quarantined client rows. Counts, filters and the first cards are read from
/// `cs_health_board` (<see cref="HealthBoardRow"/>, indexed in the board's order); the business store is read only for the
/// cards shown (name, CSM and status as they are now) and for its client count, which tells when the rows must be rebuilt.
/// </summary>
public sealed class HealthBoard(IStoreRouter router, IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    public const int SparklineDays = 90;
    public const int DefaultCards = 60;
    public const string NoData = "none";

    public async Task<HealthBoardView> LoadAsync(ICurrentUser user, string? csm = null, string? band = null, int take = DefaultCards, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        await using var control = await platform.CreateDbContextAsync(ct);
        await EnsureEveryClientHasARowAsync(db, control, ct);

        var mine = control.HealthBoard.AsNoTracking();
        if (!string.IsNullOrEmpty(csm))
        {
            var key = HealthBoardRow.CsmKeyOf(csm);
            mine = mine.Where(r => r.CsmKey == key);
        }

        var perBand = await mine.GroupBy(r => r.Band).Select(g => new { Band = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = HealthBands.All.Append(NoData).ToDictionary(b => b, b => perBand.Where(p => (p.Band ?? NoData) == b).Sum(p => p.Count));
        var matching = string.IsNullOrEmpty(band) ? counts.Values.Sum() : counts.GetValueOrDefault(band);
        // A band the board does not know matches no row (-1), as it matched no client before.
        int? rank = string.IsNullOrEmpty(band) ? null : band == NoData ? HealthBands.Rank(null) : HealthBands.All.Contains(band) ? HealthBands.Rank(band) : -1;
        var shown = await mine.Where(r => rank == null || r.BandRank == rank)
            .OrderBy(r => r.BandRank).ThenBy(r => r.Score).ThenBy(r => r.NameKey).ThenBy(r => r.ClientId)
            .Take(take).ToListAsync(ct);
        var ids = shown.Select(r => r.ClientId).ToList();

        // What the cards show of the client is read now: a rename or a new CSM shows even before the rows are rewritten.
        var clients = await db.OnboardingClients.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CompanyName, c.CsmOwner, c.Status }).ToDictionaryAsync(c => c.Id, ct);
        var lastDay = await control.HealthSnapshots.MaxAsync(s => (DateOnly?)s.Day, ct);
        var from = lastDay?.AddDays(-(SparklineDays - 1)) ?? DateOnly.MinValue;
        var points = lastDay is null ? [] : await control.HealthSnapshots.AsNoTracking().Where(s => ids.Contains(s.ClientId) && s.Day >= from)
            .Select(s => new { s.ClientId, s.Day, s.Score }).ToListAsync(ct);
        var series = points.GroupBy(p => p.ClientId).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Day, p => p.Score));
        var escalations = await control.Escalations.AsNoTracking().Where(e => ids.Contains(e.ClientId) && e.Status != EscalationStatus.Resolved)
            .GroupBy(e => e.ClientId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var cards = shown.Where(r => clients.ContainsKey(r.ClientId)).Select(r =>
        {
            var client = clients[r.ClientId];
            var days = series.GetValueOrDefault(r.ClientId);
            IReadOnlyList<decimal?> sparkline = days is null ? [] : [.. Enumerable.Range(0, SparklineDays).Select(i => days.GetValueOrDefault(from.AddDays(i)))];
            return new HealthCard(r.ClientId, client.CompanyName, client.CsmOwner, client.Status, r.Day, r.Score, r.Band, r.Trend, r.CoveragePercent,
                sparkline, escalations.GetValueOrDefault(r.ClientId));
        }).ToList();

        var owners = (await control.HealthBoard.AsNoTracking().Where(r => r.CsmOwner != null).Select(r => r.CsmOwner!).Distinct().ToListAsync(ct))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var quarantined = (await QuarantineQueries.UnresolvedAsync(control, "clients", ct))
            .Select(q => new QuarantinedClient(q.LegacyId, q.Column, q.RawValue, q.Reason)).ToList();
        return new HealthBoardView(cards, matching, counts, owners, quarantined);
    }

    // Clients can reach the business store without the client services (migrate, reconcile, a rollback's sync, the legacy app
    // while SQLite is the store), and the rows start empty on a database that had snapshots before the table existed. A count
    // that differs rebuilds every row from the snapshots (the same statement as a snapshot run); otherwise a count is all it costs.
    private async Task EnsureEveryClientHasARowAsync(Epic16Context db, PlatformContext control, CancellationToken ct)
    {
        if (await db.OnboardingClients.CountAsync(ct) == await control.HealthBoard.CountAsync(ct))
        {
            return;
        }

        var clients = await db.OnboardingClients.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new OnboardingClient { Id = c.Id, CompanyName = c.CompanyName, CsmOwner = c.CsmOwner }).ToListAsync(ct);
        await using var transaction = await control.Database.BeginTransactionAsync(ct);
        await BoardRows.RefreshAsync(control, clients, OnboardingClock.Now(clock), ct);
        await transaction.CommitAsync(ct);
    }
}
