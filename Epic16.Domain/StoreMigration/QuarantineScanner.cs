using Epic16.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.StoreMigration;

public sealed record TableScan(string LegacyTable, long Rows, long QuarantinedRows);

public sealed record ScanResult(IReadOnlyList<TableScan> Tables, int NewlyQuarantined, int Released)
{
    public long QuarantinedRows => Tables.Sum(t => t.QuarantinedRows);
}

/// <summary>
/// Reads every legacy row through <see cref="LegacyRowReader"/> and records the ones that cannot be converted in
/// `migration_quarantine`, so they are never shown half-parsed: the SQLite context's query filters leave them out.
/// </summary>
public sealed class QuarantineScanner(IDbContextFactory<PlatformContext> platform, StoreSettings settings, QuarantineCache cache, TimeProvider clock)
{
    public async Task<ScanResult> ScanAsync(CancellationToken ct = default)
    {
        var found = new List<(string Table, long Id, Rejection Rejection)>();
        var tables = new List<TableScan>();
        await using (var connection = await LegacyConnection.OpenAsync(settings.LegacyDirectory, ct: ct))
        {
            var validIds = new Dictionary<Type, HashSet<long>>();
            foreach (var table in LegacyTables.All)
            {
                var (scan, valid) = await ScanTableAsync(connection, new LegacyRowReader(table, validIds), found, ct);
                validIds[table.EntityType] = valid;
                tables.Add(scan);
            }
        }

        var (added, released) = await RecordAsync(found, ct);
        cache.Invalidate();
        return new ScanResult(tables, added, released);
    }

    private static async Task<(TableScan, HashSet<long>)> ScanTableAsync(SqliteConnection connection, LegacyRowReader reader, List<(string, long, Rejection)> found, CancellationToken ct)
    {
        var valid = new HashSet<long>();
        long rows = 0, quarantined = 0;
        await using var command = connection.CreateCommand();
        command.CommandText = reader.SelectSql();
        await using var raw = await command.ExecuteReaderAsync(ct);
        var values = new object?[raw.FieldCount];
        while (await raw.ReadAsync(ct))
        {
            raw.GetValues(values!);
            var row = reader.Read(values);
            rows++;
            if (row.Ok)
            {
                valid.Add(row.Id);
                continue;
            }

            quarantined++;
            found.AddRange(row.Rejections.Select(r => (reader.Table.LegacyName, row.Id, r)));
        }

        return (new TableScan(reader.Table.LegacyName, rows, quarantined), valid);
    }

    private async Task<(int Added, int Released)> RecordAsync(List<(string Table, long Id, Rejection Rejection)> found, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await platform.CreateDbContextAsync(ct);
        var existing = await db.Quarantine.ToDictionaryAsync(q => (q.LegacyTable, q.LegacyId, q.ColumnName), ct);
        var seen = new HashSet<(string, long, string)>();
        var added = 0;
        foreach (var (table, id, rejection) in found)
        {
            var key = (table, id, rejection.Column);
            seen.Add(key);
            if (existing.TryGetValue(key, out var row))
            {
                row.RawValue = Storable(rejection.RawValue);
                row.Reason = rejection.Reason;
                row.ResolvedAt = null;
                row.ResolvedBy = null;
                continue;
            }

            db.Quarantine.Add(new QuarantinedRow
            {
                LegacyTable = table,
                LegacyId = id,
                ColumnName = rejection.Column,
                RawValue = Storable(rejection.RawValue),
                Reason = rejection.Reason,
                FirstSeenAt = now,
            });
            added++;
        }

        var released = 0;
        foreach (var stale in existing.Values.Where(q => q.ResolvedAt is null && !seen.Contains((q.LegacyTable, q.LegacyId, q.ColumnName))))
        {
            stale.ResolvedAt = now;
            stale.ResolvedBy = "scan: the value now converts";
            released++;
        }

        await db.SaveChangesAsync(ct);
        return (added, released);
    }

    // PostgreSQL text cannot hold U+0000: keep the raw value readable and visibly escaped.
    private static string? Storable(string? raw) => raw?.Replace("\0", "\\u0000", StringComparison.Ordinal);
}
