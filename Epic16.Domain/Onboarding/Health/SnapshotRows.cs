using Epic16.Domain.Onboarding.Escalations;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// Writes a day's snapshots of every client in one statement (each (client, day) inserted, or replaced when the day is recorded
/// again) and the escalations the day raised in another. `cs_health_snapshots` and `cs_escalations` live in PostgreSQL in every
/// store mode and have no mirror, so set-based statements lose nothing that SaveChanges would give; for 10k clients they are
/// two round trips instead of tens of thousands of tracked inserts.
/// </summary>
internal static class SnapshotRows
{
    private const string Upsert = """
        INSERT INTO cs_health_snapshots (client_id, day, score, band, coverage_percent, breakdown, recorded_at)
        SELECT r.client_id, r.day, r.score, r.band, r.coverage_percent, r.breakdown::jsonb, r.recorded_at
        FROM unnest(@client_ids, @days, @scores, @bands, @coverages, @breakdowns, @recorded) AS r(client_id, day, score, band, coverage_percent, breakdown, recorded_at)
        ON CONFLICT (client_id, day) DO UPDATE SET score = excluded.score, band = excluded.band,
            coverage_percent = excluded.coverage_percent, breakdown = excluded.breakdown, recorded_at = excluded.recorded_at
        """;

    // An escalation already open for the client and reason (the partial unique index) is kept, not raised twice.
    private const string Raise = """
        INSERT INTO cs_escalations (client_id, reason, detail, owner, raised_on, due_on, status, raised_at)
        SELECT r.client_id, r.reason, r.detail, r.owner, r.raised_on, r.due_on, 'open', r.raised_at
        FROM unnest(@client_ids, @reasons, @details, @owners, @raised_on, @due_on, @raised_at) AS r(client_id, reason, detail, owner, raised_on, due_on, raised_at)
        ON CONFLICT (client_id, reason) WHERE status <> 'resolved' DO NOTHING
        """;

    public static async Task<int> RaiseAsync(PlatformContext control, IReadOnlyList<Escalation> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        return await control.Database.ExecuteSqlRawAsync(Raise,
        [
            new NpgsqlParameter("client_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.ClientId).ToArray() },
            new NpgsqlParameter("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Reason).ToArray() },
            new NpgsqlParameter("details", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Detail).ToArray() },
            new NpgsqlParameter("owners", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Owner).ToArray() },
            new NpgsqlParameter("raised_on", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Select(r => r.RaisedOn).ToArray() },
            new NpgsqlParameter("due_on", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Select(r => r.DueOn).ToArray() },
            new NpgsqlParameter("raised_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.RaisedAt).ToArray() },
        ], ct);
    }

    // Per client one probe of the (client_id, day) index for its latest snapshot in the window: 10k probes, not a sort of 600k rows.
    private const string Latest = """
        SELECT c.client_id, s.score, s.band
        FROM unnest(@client_ids) AS c(client_id)
        CROSS JOIN LATERAL (SELECT score, band FROM cs_health_snapshots h
                            WHERE h.client_id = c.client_id AND h.day BETWEEN @from AND @to ORDER BY h.day DESC LIMIT 1) AS s
        """;

    /// <summary>Each client's latest snapshot between two days (inclusive); clients without one are absent.</summary>
    public static async Task<Dictionary<long, LatestScore>> LatestAsync(
        PlatformContext control, IEnumerable<long> clientIds, DateOnly from, DateOnly to, CancellationToken ct) =>
        await control.Database.SqlQueryRaw<LatestScore>(Latest,
                new NpgsqlParameter("client_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = clientIds.ToArray() },
                new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from },
                new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = to })
            .ToDictionaryAsync(s => s.ClientId, ct);

    public sealed record LatestScore(long ClientId, decimal? Score, string? Band);

    public static async Task UpsertAsync(PlatformContext control, IReadOnlyList<HealthSnapshot> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await control.Database.ExecuteSqlRawAsync(Upsert,
        [
            new NpgsqlParameter("client_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.ClientId).ToArray() },
            new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Select(r => r.Day).ToArray() },
            new NpgsqlParameter("scores", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = rows.Select(r => r.Score).ToArray() },
            new NpgsqlParameter("bands", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Band).ToArray() },
            new NpgsqlParameter("coverages", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = rows.Select(r => r.CoveragePercent).ToArray() },
            new NpgsqlParameter("breakdowns", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Breakdown).ToArray() },
            new NpgsqlParameter("recorded", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.RecordedAt).ToArray() },
        ], ct);
    }
}
