using Epic16.Domain.Auditing;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// What an admin runs from the migration page or the CLI: each operation checks the caller's role, is recorded
/// (`migration_runs`, `migration_parity_runs`) and audited.
/// </summary>
public sealed class MigrationOperations(Migrator migrator, ParityValidator validator, IDbContextFactory<PlatformContext> platform, AuditLog audit, TimeProvider clock)
{
    public async Task<MigrationReport> MigrateAsync(ICurrentUser actor, IReadOnlyCollection<string>? tables = null, IProgress<TableProgress>? progress = null, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
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

    public async Task<IReadOnlyList<MigrationRun>> RecentRunsAsync(int count = 10, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.MigrationRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(ct);
    }

    public async Task<ParityRun?> LatestParityAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.ParityRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
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
}
