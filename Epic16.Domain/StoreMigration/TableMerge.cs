using Microsoft.Data.Sqlite;
using Npgsql;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// The validator's comparison of one table: both stores read in id order at once (each on its own thread, <see cref="ReadAhead"/>),
/// every row hashed canonically (<see cref="RowCanon"/>) and the two streams merged by id, so memory stays flat whatever the
/// table's size (before, one side's hashes of every row were kept in a dictionary). A legacy row that cannot be read counts
/// as absent; a PostgreSQL row whose JSON lacks the documented shape is a "json" mismatch besides what its hash says.
/// </summary>
public static class TableMerge
{
    public static async Task<TableDiff> CompareAsync(
        SqliteConnection sqlite, NpgsqlConnection postgres, LegacyRowReader reader, int maxMismatches, bool keepReadableIds, CancellationToken ct)
    {
        long source = 0, unreadable = 0, targetRows = 0, missing = 0, extra = 0, different = 0, jsonErrors = 0;
        var mismatches = new List<(long, string)>();
        var readable = keepReadableIds ? new HashSet<long>() : null;
        var properties = reader.Table.Properties;

        // Both enumerators are disposed whatever happens, so neither side is left reading from its connection.
        await using var legacy = reader.ReadAheadAsync(sqlite, ct).GetAsyncEnumerator(ct);
        await using var target = ReadAhead.Of(token => RowHashes.PostgresRowsAsync(postgres, reader.Table, token), ct).GetAsyncEnumerator(ct);
        long? lastLegacy = null, lastTarget = null;
        var left = await NextLegacyAsync();
        var right = await NextTargetAsync();
        while (left is not null || right is not null)
        {
            if (right is { } r && (left is not { } l0 || r.Id < l0.Id))
            {
                Json(r);
                extra++;
                Note(r.Id, "extra");
                right = await NextTargetAsync();
            }
            else if (left is { } l && (right is not { } r0 || l.Id < r0.Id))
            {
                missing++;
                Note(l.Id, "missing");
                left = await NextLegacyAsync();
            }
            else
            {
                var (both, hash) = (right!, left!.Value.Hash);
                Json(both);
                if (both.Hash != hash)
                {
                    different++;
                    Note(both.Id, "different");
                }

                (left, right) = (await NextLegacyAsync(), await NextTargetAsync());
            }
        }

        return new TableDiff(source, unreadable, targetRows, missing, extra, different, jsonErrors, mismatches, readable);

        async Task<(long Id, UInt128 Hash)?> NextLegacyAsync()
        {
            while (await legacy.MoveNextAsync())
            {
                var row = legacy.Current;
                source++;
                if (!row.Ok)
                {
                    unreadable++;
                    continue;
                }

                Ordered(lastLegacy, row.Id, "SQLite");
                lastLegacy = row.Id;
                readable?.Add(row.Id);
                return (row.Id, RowCanon.Hash(properties, row.Values));
            }

            return null;
        }

        async Task<PostgresHash?> NextTargetAsync()
        {
            if (!await target.MoveNextAsync())
            {
                return null;
            }

            targetRows++;
            Ordered(lastTarget, target.Current.Id, "PostgreSQL");
            lastTarget = target.Current.Id;
            return target.Current;
        }

        void Json(PostgresHash row)
        {
            if (!row.JsonOk)
            {
                jsonErrors++;
                Note(row.Id, "json");
            }
        }

        void Note(long id, string kind)
        {
            if (mismatches.Count < maxMismatches)
            {
                mismatches.Add((id, kind));
            }
        }
    }

    // The merge is only right on ids in increasing order; both reads ask for ORDER BY id, and this says so loudly if not.
    private static void Ordered(long? previous, long id, string store)
    {
        if (previous is { } p && id <= p)
        {
            throw new InvalidOperationException($"{store} returned id {id} after {p}: the rows are not in id order, so they cannot be compared by merging.");
        }
    }
}
