using Epic16.Domain.Auditing;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// What an admin runs from the migration page or the CLI: each operation checks the caller's role, is recorded
/// (`migration_runs`, `migration_parity_runs`) and audited.
/// </summary>
public sealed class MigrationOperations(Migrator migrator, ParityValidator validator, IDbContextFactory<PlatformContext> platform, AuditLog audit, TimeProvider clock, BackupService backups, StoreModeState mode)
{
    public async Task<MigrationReport> MigrateAsync(ICurrentUser actor, IReadOnlyCollection<string>? tables = null, IProgress<TableProgress>? progress = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        RefuseOnceDualWriteBegan("migrate", "it empties and reloads the PostgreSQL tables, which would lose the writes PostgreSQL has taken since");
        var selected = Migrator.Select(tables);
        var run = await StartAsync(actor, "migrate", string.Join(",", selected.Select(t => t.LegacyName)), ct);
        MigrationReport report;
        try
        {
            report = await migrator.MigrateAsync(tables, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FinishAsync(run, r => (r.Outcome, r.Error) = ("failed", e.Message), ct);
            await audit.RecordAsync(actor, "migration.migrate.failed", run.Tables, details: e.Message.Split('\n')[0], ct: ct);
            throw;
        }

        await FinishAsync(run, r =>
        {
            r.Outcome = report.Outcome;
            r.SourceRows = report.SourceRows;
            r.MigratedRows = report.MigratedRows;
            r.QuarantinedRows = report.QuarantinedRows;
            r.ParityPercent = report.ParityPercent;
            r.Report = ReportJson.Of(report);
            r.Error = report.Error;
        }, ct);
        await audit.RecordAsync(actor, "migration.migrate", run.Tables, details: $"{report.Outcome}: {report.MigratedRows} of {report.SourceRows} rows, {report.QuarantinedRows} quarantined", ct: ct);
        return report;
    }

    public async Task<ParityReport> ValidateAsync(ICurrentUser actor, IProgress<TableProgress>? progress = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        var report = await validator.ValidateAsync(progress, ct);
        await using var db = await platform.CreateDbContextAsync(ct);
        db.ParityRuns.Add(new ParityRun
        {
            Actor = actor.Name,
            RunAt = clock.GetUtcNow().UtcDateTime,
            ParityPercent = report.ParityPercent,
            Mismatches = report.Tables.Sum(t => t.Missing + t.Extra + t.Different + t.JsonErrors),
            QuarantinedRows = report.QuarantinedRows,
            MaxFigureVariancePercent = report.BusinessFigures.Count == 0 ? 0 : report.BusinessFigures.Max(f => f.VariancePercent),
            Matches = report.Matches,
            DurationMs = report.DurationMs,
            Report = ReportJson.Of(report),
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "migration.validate", details: $"parity {report.ParityPercent} %, {(report.Matches ? "match" : "mismatch")}", ct: ct);
        return report;
    }

    public async Task<IReadOnlyList<MigrationRun>> RecentRunsAsync(ICurrentUser actor, int count = 10, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.MigrationRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(ct);
    }

    public Task<ParityRun?> LatestParityAsync(ICurrentUser actor, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        return LatestParityAsync(ct);
    }

    /// <summary>The latest parity run for the domain's own background checks (rollback triggers); callers outside go through the guarded overload.</summary>
    internal async Task<ParityRun?> LatestParityAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.ParityRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>A verified backup of the three legacy files (then retention), recorded as a "backup" run with the manifest as its report.</summary>
    public async Task<BackupResult> BackupAsync(ICurrentUser actor, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        var run = await StartAsync(actor, "backup", LegacyFileNames, ct);
        BackupResult result;
        try
        {
            result = await backups.BackupAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailAsync(actor, run, "migration.backup", backups.LegacyDirectory, e, ct);
            throw;
        }

        await FinishAsync(run, r => (r.Outcome, r.SourceRows, r.MigratedRows, r.Report) = ("ok", result.Manifest.TotalRows, result.Manifest.TotalRows, result.Manifest.ToJson()), ct);
        await audit.RecordAsync(actor, "migration.backup", result.Directory,
            details: $"ok: {result.Manifest.TotalRows} rows in {result.Manifest.Files.Count} files; {result.Pruned.Count} old backup(s) pruned", ct: ct);
        return result;
    }

    /// <summary>Puts a verified backup back in place of the legacy files (after saving them), recorded as a "restore" run.</summary>
    public async Task<RestoreResult> RestoreAsync(ICurrentUser actor, string dir, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        RefuseOnceDualWriteBegan("restore", "it replaces the SQLite files under a running dual-write, and the reconciler would spread the old content or overwrite it");
        var run = await StartAsync(actor, "restore", LegacyFileNames, ct);
        RestoreResult result;
        try
        {
            result = await backups.RestoreAsync(dir, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailAsync(actor, run, "migration.restore", dir, e, ct);
            throw;
        }

        await FinishAsync(run, r => (r.Outcome, r.SourceRows, r.MigratedRows, r.Report) = ("ok", result.Manifest.TotalRows, result.Manifest.TotalRows, result.Manifest.ToJson()), ct);
        await audit.RecordAsync(actor, "migration.restore", result.From,
            details: $"ok: {result.Manifest.TotalRows} rows restored into {result.LegacyDirectory}; previous files kept in {result.SafetyCopy ?? "(none existed)"}", ct: ct);
        return result;
    }

    public async Task<IReadOnlyList<BackupInfo>> ListBackupsAsync(ICurrentUser actor, bool verify = true, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        return await backups.ListAsync(verify, ct);
    }

    private static string LegacyFileNames => string.Join(",", LegacyStore.Files.Select(f => f.FileName));

    /// <summary>A refused or failed backup/restore is recorded and audited too: who tried to touch the rollback copies matters.</summary>
    private async Task FailAsync(ICurrentUser actor, MigrationRun run, string action, string target, Exception e, CancellationToken ct)
    {
        await FinishAsync(run, r => (r.Outcome, r.Error) = ("failed", e.Message), ct);
        await audit.RecordAsync(actor, action, target, details: $"failed: {e.Message}", ct: ct);
    }

    private async Task<MigrationRun> StartAsync(ICurrentUser actor, string kind, string? tables, CancellationToken ct)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var run = new MigrationRun { Kind = kind, Actor = actor.Name, StartedAt = clock.GetUtcNow().UtcDateTime, Tables = tables };
        db.MigrationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    private async Task FinishAsync(MigrationRun run, Action<MigrationRun> update, CancellationToken ct)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        db.MigrationRuns.Attach(run);
        update(run);
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Bulk operations that replace a store's content belong to SqliteOnly: once dual-write began, the mirror and the
    /// reconciler keep the stores in step, and a bulk replace would undo writes one of them has taken.
    /// </summary>
    private void RefuseOnceDualWriteBegan(string operation, string why)
    {
        if (mode.Mode != StoreMode.SqliteOnly)
        {
            throw new InvalidOperationException($"{operation} is refused in {mode.Mode}: {why}. The reconciler keeps the stores in step; roll back to SqliteOnly first if you really mean to {operation}.");
        }
    }
}
