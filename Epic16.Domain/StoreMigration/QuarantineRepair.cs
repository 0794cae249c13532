using Epic16.Domain.Auditing;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Epic16.Domain.StoreMigration;

/// <summary>The outcome of a repair: released (and migrated, or left for the next migrate) or refused with the reasons.</summary>
public sealed record RepairResult(bool Released, bool Migrated, IReadOnlyList<string> Problems);

/// <summary>
/// An admin corrects the raw value of a quarantined legacy row. The corrected row must read cleanly through the same
/// <see cref="LegacyRowReader"/> before anything is written; then the legacy row is updated, its quarantine entries
/// are resolved, and the row is copied into PostgreSQL when its parents are already there.
/// </summary>
public sealed class QuarantineRepair(StoreSettings settings, IDbContextFactory<PlatformContext> platform, QuarantineCache cache, AuditLog audit, TimeProvider clock, StoreModeState mode)
{
    public async Task<RepairResult> RepairAsync(ICurrentUser actor, long quarantineId, string? correctedRaw, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        // Like migrate and restore: it writes the legacy file and upserts PostgreSQL past the write gate and the mirror,
        // which once dual-write began could overwrite a newer row.
        if (mode.Mode != StoreMode.SqliteOnly)
        {
            throw new InvalidOperationException($"Quarantine repair is refused in {mode.Mode}: it writes both stores outside the mirror and could overwrite newer rows. Roll back to SqliteOnly first.");
        }

        await using var db = await platform.CreateDbContextAsync(ct);
        var entry = await db.Quarantine.SingleOrDefaultAsync(q => q.Id == quarantineId, ct)
            ?? throw new InvalidOperationException($"Quarantine entry {quarantineId} does not exist.");
        if (entry.ResolvedAt is not null)
        {
            return new RepairResult(false, false, ["This entry is already resolved."]);
        }

        var table = LegacyTables.ByName(entry.LegacyTable) ?? throw new InvalidOperationException($"Unknown legacy table {entry.LegacyTable}.");
        var column = table.Properties.Single(p => p.GetColumnName() == entry.ColumnName);
        var ordinal = table.Properties.ToList().IndexOf(column);

        await using var sqlite = await LegacyConnection.OpenAsync(settings.LegacyDirectory, readOnly: false, ct);
        var reader = new LegacyRowReader(table, await ParentIdsAsync(sqlite, table, ct));
        var raw = await reader.ReadRawAsync(sqlite, entry.LegacyId, ct)
            ?? throw new InvalidOperationException($"Row {entry.LegacyId} of {entry.LegacyTable} is no longer in the legacy file.");
        raw[ordinal] = string.IsNullOrEmpty(correctedRaw) ? null : correctedRaw;
        var row = reader.Read(raw);
        if (!row.Ok)
        {
            return new RepairResult(false, false, [.. row.Rejections.Select(r => $"{r.Column}: {r.Reason}")]);
        }

        await using (var update = sqlite.CreateCommand())
        {
            update.CommandText = $"UPDATE {table.LegacyName} SET {entry.ColumnName} = $value WHERE id = $id";
            update.Parameters.AddWithValue("$value", (object?)raw[ordinal] ?? DBNull.Value);
            update.Parameters.AddWithValue("$id", entry.LegacyId);
            await update.ExecuteNonQueryAsync(ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var open in await db.Quarantine.Where(q => q.LegacyTable == entry.LegacyTable && q.LegacyId == entry.LegacyId && q.ResolvedAt == null).ToListAsync(ct))
        {
            open.ResolvedAt = now;
            open.ResolvedBy = actor.Name;
        }

        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        var migrated = await TryMigrateAsync(table, row, ct);
        await audit.RecordAsync(actor, "migration.quarantine.repair", $"{entry.LegacyTable}#{entry.LegacyId}",
            details: $"{entry.ColumnName}: '{entry.RawValue}' -> '{correctedRaw}'{(migrated ? ", migrated" : ", left for the next migrate")}", ct: ct);
        return new RepairResult(true, migrated, []);
    }

    /// <summary>Upserts the row into PostgreSQL; when a parent is not there yet (table not migrated), the next migrate brings it.</summary>
    private async Task<bool> TryMigrateAsync(LegacyTable table, LegacyRow row, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.PostgresConnectionString);
        await connection.OpenAsync(ct);
        var copy = new PostgresCopy(table);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await using (var upsert = copy.UpsertCommand(row, connection))
            {
                await upsert.ExecuteNonQueryAsync(ct);
            }

            await using (var sequence = new NpgsqlCommand(copy.SetSequenceSql(row.Id), connection))
            {
                await sequence.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }
    }

    /// <summary>A corrected reference must point at a readable parent row in the legacy files.</summary>
    private async Task<Dictionary<Type, HashSet<long>>> ParentIdsAsync(SqliteConnection sqlite, LegacyTable table, CancellationToken ct)
    {
        var quarantined = await cache.GetAsync(ct);
        var result = new Dictionary<Type, HashSet<long>>();
        foreach (var parent in table.Sqlite.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Distinct())
        {
            var ids = new HashSet<long>();
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT id FROM {parent.GetTableName()}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }

            ids.ExceptWith(quarantined.For(parent.ClrType));
            result[parent.ClrType] = ids;
        }

        return result;
    }
}
