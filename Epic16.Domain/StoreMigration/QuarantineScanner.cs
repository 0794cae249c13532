using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Microsoft.Data.Sqlite;

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
public sealed class QuarantineScanner(StoreSettings settings, QuarantineLog log)
{
    public async Task<ScanResult> ScanAsync(ICurrentUser actor, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        LegacyStore.EnsureReadable(settings.LegacyDirectory);
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

        var (added, released) = await log.RecordAsync(LegacyTables.All.Select(t => t.LegacyName).ToList(), found, ct);
        return new ScanResult(tables, added, released);
    }

    private static async Task<(TableScan, HashSet<long>)> ScanTableAsync(SqliteConnection connection, LegacyRowReader reader, List<(string, long, Rejection)> found, CancellationToken ct)
    {
        var valid = new HashSet<long>();
        long rows = 0, quarantined = 0;
        await foreach (var row in reader.ReadAllAsync(connection, ct))
        {
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
}
