using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Epic16.Domain.Onboarding.Health;

/// <summary>
/// Writes a day's snapshots of every client in one statement: each (client, day) inserted, or replaced when the day is recorded
/// again. `cs_health_snapshots` lives in PostgreSQL in every store mode and has no mirror, so a set-based upsert loses nothing
/// that SaveChanges would give; for 10k clients it is one round trip instead of 10k tracked inserts.
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
