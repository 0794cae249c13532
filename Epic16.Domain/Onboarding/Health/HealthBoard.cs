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
        // The reads that do not depend on each other run at once (ConcurrentReads): the board's data is two round trips deep
        // instead of eight, which was most of its time at 10k clients.
        var groupsRead = platform.ReadAsync(c => GroupsAsync(c, ct), ct);
        var clientCountRead = router.ReadAsync(db => db.OnboardingClients.CountAsync(ct), ct);
        var shownRead = platform.ReadAsync(c => ShownAsync(c, csm, band, take, ct), ct);
        var lastDayRead = platform.ReadAsync(c => c.HealthSnapshots.MaxAsync(s => (DateOnly?)s.Day, ct), ct);
        var quarantinedRead = platform.ReadAsync(c => QuarantineQueries.UnresolvedAsync(c, "clients", ct), ct);
        // One pass over the rows gives the counts per band, the CSMs to filter by and the row count: 10k rows grouped in SQL to
        // at most (CSMs × 5), instead of three scans.
        var groups = await groupsRead;
        var shown = await shownRead;
        if (groups.Sum(g => g.Count) != await clientCountRead)
        {
            await using (var db = await router.CreateContextAsync(ct))
            await using (var control = await platform.CreateDbContextAsync(ct))
            {
                await RebuildAsync(db, control, ct);
            }

            groups = await platform.ReadAsync(c => GroupsAsync(c, ct), ct);
            shown = await platform.ReadAsync(c => ShownAsync(c, csm, band, take, ct), ct);
        }

        var mine = groups.Where(g => string.IsNullOrEmpty(csm) || string.Equals(g.CsmOwner, csm, StringComparison.OrdinalIgnoreCase)).ToList();
        var counts = HealthBands.All.Append(NoData).ToDictionary(b => b, b => mine.Where(g => BandOf(g.BandRank) == b).Sum(g => g.Count));
        var matching = string.IsNullOrEmpty(band) ? counts.Values.Sum() : counts.GetValueOrDefault(band);
        var ids = shown.Select(r => r.ClientId).ToList();

        // What the cards show of the client is read now: a rename or a new CSM shows even before the rows are rewritten.
        var lastDay = await lastDayRead;
        var from = lastDay?.AddDays(-(SparklineDays - 1)) ?? DateOnly.MinValue;
        var clientsRead = router.ReadAsync(db => db.OnboardingClients.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CompanyName, c.CsmOwner, c.Status }).ToDictionaryAsync(c => c.Id, ct), ct);
        var pointsRead = lastDay is null ? Task.FromResult(new List<SparkPoint>()) : platform.ReadAsync(c => c.HealthSnapshots.AsNoTracking()
            .Where(s => ids.Contains(s.ClientId) && s.Day >= from).Select(s => new SparkPoint(s.ClientId, s.Day, s.Score)).ToListAsync(ct), ct);
        var escalationsRead = platform.ReadAsync(c => c.Escalations.AsNoTracking().Where(e => ids.Contains(e.ClientId) && e.Status != EscalationStatus.Resolved)
            .GroupBy(e => e.ClientId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct), ct);
        var clients = await clientsRead;
        var series = (await pointsRead).GroupBy(p => p.ClientId).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Day, p => p.Score));
        var escalations = await escalationsRead;

        var cards = shown.Where(r => clients.ContainsKey(r.ClientId)).Select(r =>
        {
            var client = clients[r.ClientId];
            var days = series.GetValueOrDefault(r.ClientId);
            IReadOnlyList<decimal?> sparkline = days is null ? [] : [.. Enumerable.Range(0, SparklineDays).Select(i => days.GetValueOrDefault(from.AddDays(i)))];
            return new HealthCard(r.ClientId, client.CompanyName, client.CsmOwner, client.Status, r.Day, r.Score, r.Band, r.Trend, r.CoveragePercent,
                sparkline, escalations.GetValueOrDefault(r.ClientId));
        }).ToList();

        var owners = groups.Where(g => g.CsmOwner is not null).Select(g => g.CsmOwner!)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var quarantined = (await quarantinedRead).Select(q => new QuarantinedClient(q.LegacyId, q.Column, q.RawValue, q.Reason)).ToList();
        return new HealthBoardView(cards, matching, counts, owners, quarantined);
    }

    // The first cards in the board's order (the index's order, so a range read of it), filtered by CSM and band. A band the
    // board does not know matches no row (-1), as it matched no client before.
    private static Task<List<HealthBoardRow>> ShownAsync(PlatformContext control, string? csm, string? band, int take, CancellationToken ct)
    {
        int? rank = string.IsNullOrEmpty(band) ? null : band == NoData ? HealthBands.Rank(null) : HealthBands.All.Contains(band) ? HealthBands.Rank(band) : -1;
        var rows = control.HealthBoard.AsNoTracking();
        if (HealthBoardRow.CsmKeyOf(csm) is { } key)
        {
            rows = rows.Where(r => r.CsmKey == key);
        }

        if (rank is { } r0)
        {
            rows = rows.Where(r => r.BandRank == r0);
        }

        return rows.OrderBy(r => r.BandRank).ThenBy(r => r.Score).ThenBy(r => r.NameKey).ThenBy(r => r.ClientId).Take(take).ToListAsync(ct);
    }

    private sealed record SparkPoint(long ClientId, DateOnly Day, decimal? Score);

    private sealed record Group(string? CsmOwner, int BandRank, int Count);

    private static Task<List<Group>> GroupsAsync(PlatformContext control, CancellationToken ct) =>
        control.HealthBoard.AsNoTracking().GroupBy(r => new { r.CsmOwner, r.BandRank })
            .Select(g => new Group(g.Key.CsmOwner, g.Key.BandRank, g.Count())).ToListAsync(ct);

    private static string BandOf(int rank) => rank >= 0 && rank < HealthBands.All.Count ? HealthBands.All[rank] : NoData;

    // Clients can reach the business store without the client services (migrate, reconcile, a rollback's sync, the legacy app
    // while SQLite is the store), and the rows start empty on a database that had snapshots before the table existed. A row
    // count that differs from the client count rebuilds every row from the snapshots, with the statement a snapshot run uses.
    private async Task RebuildAsync(Epic16Context db, PlatformContext control, CancellationToken ct)
    {
        var clients = await db.OnboardingClients.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new OnboardingClient { Id = c.Id, CompanyName = c.CompanyName, CsmOwner = c.CsmOwner }).ToListAsync(ct);
        await using var transaction = await control.Database.BeginTransactionAsync(ct);
        await BoardRows.RefreshAsync(control, clients, OnboardingClock.Now(clock), ct);
        await transaction.CommitAsync(ct);
    }
}
