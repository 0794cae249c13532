using System.Globalization;
using Epic16.Domain.DemoData;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.StoreMigration;

/// <summary>
/// Two legacy sets made once per class: <see cref="Small"/> is the scale-1 demo data, <see cref="Big"/> the same plus
/// <see cref="BulkTouchpoints"/> extra touchpoints, so the COPY into abm_touchpoints lasts long enough to be interrupted.
/// </summary>
public sealed class BigLegacyFixture : IAsyncLifetime
{
    public const int BulkTouchpoints = 30_000;

    /// <summary>The bulk rows' ids start above this, far from the demo's.</summary>
    public const long BulkIdBase = 1_000_000;

    private readonly TempFolder _folder = new();

    public string Small => _folder.Combine("small");

    public string Big => _folder.Combine("big");

    public async ValueTask InitializeAsync()
    {
        await DemoDataGenerator.GenerateAsync(Small, 1, null, TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Big);
        foreach (var file in Directory.GetFiles(Small))
        {
            File.Copy(file, Path.Combine(Big, Path.GetFileName(file)));
        }

        var campaigns = Convert.ToInt64(LegacySql.Scalar(Big, "campaigns", "SELECT max(id) FROM campaigns"), CultureInfo.InvariantCulture);
        var prospects = Convert.ToInt64(LegacySql.Scalar(Big, "prospects", "SELECT max(id) FROM prospects"), CultureInfo.InvariantCulture);
        await MigrationKit.ExecuteLegacyAsync(Big, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {BulkTouchpoints})
            INSERT INTO touchpoints (id, campaign_id, prospect_id, channel, scheduled_at, executed_at, status, engagement_score, notes)
            SELECT {BulkIdBase} + i, 1 + i % {campaigns}, 1 + i % {prospects}, 'email', '2025-10-08 14:03:22', '2025-10-09T08:00:00Z', 'sent', (i % 1000) / 10.0, 'bulk touchpoint ' || i FROM n;
            """);
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
