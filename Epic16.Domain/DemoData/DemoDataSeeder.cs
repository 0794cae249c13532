using Epic16.Domain.Persistence;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.DemoData;

/// <summary>
/// The <c>seed-demo</c> verb's work: generates the three legacy files in a temporary folder beside the target and moves
/// them into place only when complete (a failed run leaves no partial files), seeding the Epic 7 CRM on the way unless skipped.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<PlatformContext> platform)
{
    /// <summary>Unguarded: callers outside the domain go through <see cref="DemoSeeding"/>, which checks role, environment and mode.</summary>
    internal async Task<DemoSeedReport> SeedAsync(string legacyDirectory, int scale = 1, bool force = false, bool skipCrm = false, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var directory = Path.GetFullPath(legacyDirectory);
        var existing = LegacyStore.ExistingFiles(directory);
        if (existing.Count > 0 && !force)
        {
            throw new IOException(
                $"Legacy files already exist in {directory} ({string.Join(", ", existing.Select(Path.GetFileName))}); nothing was written. Pass --force to replace them.");
        }

        Directory.CreateDirectory(directory);
        // Beside the target, so the final moves are renames on one file system.
        var staging = Path.Combine(directory, $".seed-{Guid.NewGuid():N}");
        CrmSeedResult? crm = null;
        try
        {
            DemoContactResolver? resolve = skipCrm ? null : async (contacts, token) =>
            {
                crm = await CrmDemoData.SeedAsync(platform, contacts, token);
                return crm.ContactIds;
            };
            var data = await DemoDataGenerator.GenerateAsync(staging, scale, resolve, ct);
            foreach (var file in LegacyStore.Files)
            {
                var target = file.PathIn(directory);
                // A journal left beside the old file would be replayed into the new one.
                foreach (var suffix in new[] { "-journal", "-wal", "-shm" })
                {
                    File.Delete(target + suffix);
                }

                File.Move(file.PathIn(staging), target, overwrite: true);
            }

            return new DemoSeedReport(directory, data, crm);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
