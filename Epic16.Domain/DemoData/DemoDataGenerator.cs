using System.Diagnostics;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.DemoData;

/// <summary>
/// Writes the three legacy SQLite files with realistic, deterministic demo data (fixed seeds: two runs write the same rows)
/// in every value form the legacy application left behind, plus exactly three rows the migration must quarantine
/// (<see cref="BrokenRows"/>). Volumes: about 80 prospects, 180 touchpoints and 40 onboarding clients per unit of scale.
/// </summary>
public static class DemoDataGenerator
{
    public const int Seed = 16_2025;

    /// <summary>A prospect id no scale reaches: the orphan touchpoint points at it.</summary>
    public const long OrphanProspectId = 9_000_000_001;

    public static readonly DemoBrokenRow MalformedJson =
        new("lead_scoring", 7, "factors", "{'fit': 12, 'intent':", "malformed JSON: the Python literal is cut off (unclosed object)");

    public static readonly DemoBrokenRow OrphanTouchpoint =
        new("touchpoints", 42, "prospect_id", OrphanProspectId.ToString(System.Globalization.CultureInfo.InvariantCulture), "orphan: no prospect has this id");

    public static readonly DemoBrokenRow ImpossibleDate =
        new("communications", 15, "occurred_at", "2025-02-30 10:15:00", "impossible date: February has no 30th");

    /// <summary>The only rows that cannot be converted, each in a leaf table (nothing references them), at any scale.</summary>
    public static IReadOnlyList<DemoBrokenRow> BrokenRows { get; } = [MalformedJson, OrphanTouchpoint, ImpossibleDate];

    /// <summary>
    /// Creates the three files in <paramref name="directory"/> (which must not hold them yet) and fills them.
    /// <paramref name="resolveContacts"/> maps converted decision makers to CRM contact ids; without it the ids are
    /// 1, 2, … in conversion order, the ids a fresh CRM gives when <see cref="CrmDemoData"/> creates them.
    /// </summary>
    public static async Task<DemoDataResult> GenerateAsync(string directory, int scale = 1, DemoContactResolver? resolveContacts = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var clock = Stopwatch.StartNew();
        await LegacyStore.CreateAsync(directory, ct);
        var counts = new Dictionary<string, long>();

        IReadOnlyList<DemoProspect> prospects;
        IReadOnlyList<DemoCrmContact> contacts;
        using (var connection = Open(LegacyStore.Acquisition.PathIn(directory)))
        using (var transaction = connection.BeginTransaction())
        {
            var acquisition = new AcquisitionDemoData(transaction, scale, counts);
            prospects = await acquisition.WriteAsync(resolveContacts, ct);
            contacts = acquisition.CrmContacts;
            transaction.Commit();
        }

        using (var connection = Open(LegacyStore.Abm.PathIn(directory)))
        using (var transaction = connection.BeginTransaction())
        {
            new AbmDemoData(transaction, scale, prospects, counts).Write(ct);
            transaction.Commit();
        }

        using (var connection = Open(LegacyStore.Onboarding.PathIn(directory)))
        using (var transaction = connection.BeginTransaction())
        {
            new OnboardingDemoData(transaction, scale, prospects, counts).Write(ct);
            transaction.Commit();
        }

        var ordered = LegacyStore.Tables.ToDictionary(t => t, t => counts.GetValueOrDefault(t));
        return new DemoDataResult(ordered, clock.Elapsed, contacts);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(LegacyStore.WriterConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        // A crash mid-run leaves a temp file that is thrown away, so durability is not needed while writing.
        command.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;";
        command.ExecuteNonQuery();
        return connection;
    }
}
