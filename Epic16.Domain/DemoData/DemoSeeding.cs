using Epic16.Domain.Auditing;
using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Domain.Security;
using Epic16.Domain.StoreMigration;
using Microsoft.Extensions.Hosting;

namespace Epic16.Domain.DemoData;

/// <summary>
/// The guarded <c>seed-demo</c>: replacing existing legacy files (<c>--force</c>) overwrites the primary store before
/// cutover, so it is allowed only in Development and in <see cref="StoreMode.SqliteOnly"/>, after a verified backup.
/// Every run, refusal and failure is audited.
/// </summary>
public sealed class DemoSeeding(
    DemoDataSeeder seeder, StoreModes modes, StoreSettings settings, MigrationOperations operations, AuditLog audit, IHostEnvironment environment)
{
    public async Task<(DemoSeedReport Report, string? Backup)> SeedAsync(ICurrentUser actor, int scale = 1, bool force = false, bool skipCrm = false, CancellationToken ct = default)
    {
        AccessGuard.Demand(actor, AppPolicies.RunMigration);
        var directory = settings.LegacyDirectory;
        string? backup = null;
        if (force && LegacyStore.ExistingFiles(directory).Count > 0)
        {
            if (await RefusalAsync(ct) is { } refusal)
            {
                await audit.RecordAsync(actor, "demo.seed.refused", directory, details: refusal, ct: ct);
                throw new DemoSeedRefusedException($"seed-demo --force refused: {refusal}. Nothing was changed.");
            }

            backup = (await operations.BackupAsync(actor, ct)).Directory;
        }

        DemoSeedReport report;
        try
        {
            report = await seeder.SeedAsync(directory, scale, force, skipCrm, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await audit.RecordAsync(actor, "demo.seed.failed", directory, details: e.Message, ct: ct);
            throw;
        }

        await audit.RecordAsync(actor, "demo.seed", directory,
            details: $"scale {scale}, {report.Data.TotalRows} rows{(backup is null ? "" : $"; previous files backed up to {backup}")}{(skipCrm ? "; CRM skipped" : "")}", ct: ct);
        return (report, backup);
    }

    private async Task<string?> RefusalAsync(CancellationToken ct)
    {
        if (!environment.IsDevelopment())
        {
            return $"the environment is {environment.EnvironmentName}, and replacing legacy files is allowed only in Development";
        }

        var mode = (await modes.LatestAsync(ct)) is { } latest ? Enum.Parse<StoreMode>(latest.Mode) : settings.Mode;
        return mode == StoreMode.SqliteOnly
            ? null
            : $"the store mode is {mode}, and the legacy files are a live store once dual-write began: roll back to SqliteOnly first";
    }
}
