using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// Keeps `cs_health_board` (<see cref="HealthBoardRow"/>): one row per client with its snapshot on the latest recorded day and
/// the score 30 days before it. Like <see cref="SnapshotRows"/> it writes set-based: the table is a PostgreSQL platform table in
/// every store mode with no mirror (nothing for SaveChanges to give), derived from `cs_health_snapshots` and rewritten whole on
/// every snapshot run, so a copy that went stale heals by the next run. One client's name or CSM is kept fresh through
/// SaveChanges (<see cref="SaveClientAsync"/>).
/// </summary>
internal static class BoardRows
{
    // Band ranks come from HealthBands.All (worst first), so SQL and HealthBands.Rank cannot disagree.
    private const string Refresh = """
        WITH last AS (SELECT max(day) AS day FROM cs_health_snapshots)
        INSERT INTO cs_health_board (client_id, company_name, name_key, csm_owner, csm_key, day, score, band, band_rank, trend, coverage_percent, updated_at)
        SELECT c.client_id, c.company_name, c.name_key, c.csm_owner, c.csm_key, s.day, s.score, s.band,
               coalesce(array_position(@bands, s.band::text) - 1, @no_band), s.score - m.score, coalesce(s.coverage_percent, 0), @now
        FROM unnest(@client_ids, @names, @name_keys, @csms, @csm_keys) AS c(client_id, company_name, name_key, csm_owner, csm_key)
        CROSS JOIN last
        LEFT JOIN cs_health_snapshots s ON s.client_id = c.client_id AND s.day = last.day
        LEFT JOIN cs_health_snapshots m ON m.client_id = c.client_id AND m.day = last.day - 30
        ON CONFLICT (client_id) DO UPDATE SET company_name = excluded.company_name, name_key = excluded.name_key,
            csm_owner = excluded.csm_owner, csm_key = excluded.csm_key, day = excluded.day, score = excluded.score, band = excluded.band,
            band_rank = excluded.band_rank, trend = excluded.trend, coverage_percent = excluded.coverage_percent, updated_at = excluded.updated_at
        """;

    // An anti-join (hashed), not `NOT (client_id = ANY(@ids))`, which may compare each row with every id: 10k × 10k.
    private const string RemoveOthers = """
        DELETE FROM cs_health_board b WHERE NOT EXISTS (SELECT 1 FROM unnest(@client_ids) AS c(client_id) WHERE c.client_id = b.client_id)
        """;

    /// <summary>
    /// Rewrites the board rows of exactly these clients (the business store's current list) from the snapshots, and removes
    /// the rows of any other client. Run it inside the snapshot run's transaction, after the day's snapshots are written.
    /// </summary>
    public static async Task RefreshAsync(PlatformContext control, IReadOnlyCollection<OnboardingClient> clients, DateTime now, CancellationToken ct)
    {
        var ids = clients.Select(c => c.Id).ToArray();
        await control.Database.ExecuteSqlRawAsync(Refresh,
        [
            new NpgsqlParameter("client_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids },
            new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = clients.Select(c => c.CompanyName).ToArray() },
            new NpgsqlParameter("name_keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = clients.Select(c => HealthBoardRow.NameKeyOf(c.CompanyName)).ToArray() },
            new NpgsqlParameter("csms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = clients.Select(c => c.CsmOwner).ToArray() },
            new NpgsqlParameter("csm_keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = clients.Select(c => HealthBoardRow.CsmKeyOf(c.CsmOwner)).ToArray() },
            new NpgsqlParameter("bands", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = HealthBands.All.ToArray() },
            new NpgsqlParameter("no_band", NpgsqlDbType.Integer) { Value = HealthBands.Rank(null) },
            new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
        ], ct);
        await control.Database.ExecuteSqlRawAsync(RemoveOthers, [new NpgsqlParameter("client_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids }], ct);
    }

    /// <summary>
    /// After a client is started or its name or CSM saved (business store first): the board row takes the new name and CSM at
    /// once. A new client gets a row without a score ("no data") until the next snapshot run.
    /// </summary>
    public static async Task SaveClientAsync(IDbContextFactory<PlatformContext> platform, OnboardingClient client, DateTime now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var control = await platform.CreateDbContextAsync(ct);
            var row = await control.HealthBoard.SingleOrDefaultAsync(r => r.ClientId == client.Id, ct);
            if (row is null)
            {
                row = new HealthBoardRow { ClientId = client.Id, BandRank = HealthBands.Rank(null) };
                control.HealthBoard.Add(row);
            }

            row.CompanyName = client.CompanyName;
            row.NameKey = HealthBoardRow.NameKeyOf(client.CompanyName);
            row.CsmOwner = client.CsmOwner;
            row.CsmKey = HealthBoardRow.CsmKeyOf(client.CsmOwner);
            row.UpdatedAt = now;
            try
            {
                await control.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 1 && control.Entry(row).State == EntityState.Added)
            {
                // A snapshot run or a board rebuild inserted the row meanwhile: update that one instead.
            }
        }
    }
}
