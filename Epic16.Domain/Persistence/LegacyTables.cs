using Epic16.Domain.Abm;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Onboarding;
using Epic16.Domain.Persistence.Legacy;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Conversion;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Acquisition.RoiTracking;
using Epic16.Domain.Acquisition.Scoring;
using Epic16.Domain.Acquisition.Sequences;

namespace Epic16.Domain.Persistence;

/// <summary>The 15 tables in foreign-key order (parents first), read off the two EF models.</summary>
public static class LegacyTables
{
    private static readonly Type[] FkOrder =
    [
        typeof(Prospect), typeof(LeadScore), typeof(BusinessCase), typeof(SequenceStep), typeof(RoiEntry), typeof(CrmConversion),
        typeof(Campaign), typeof(ContentAsset), typeof(Touchpoint), typeof(CampaignPerformance),
        typeof(SuccessTemplate), typeof(OnboardingClient), typeof(Milestone), typeof(HealthMetric), typeof(Communication),
    ];

    private static readonly Lazy<IReadOnlyList<LegacyTable>> Catalog = new(Build);

    public static IReadOnlyList<LegacyTable> All => Catalog.Value;

    public static LegacyTable Of(Type entityType) => All.First(t => t.EntityType == entityType);

    public static LegacyTable? ByName(string name) =>
        All.FirstOrDefault(t => string.Equals(t.LegacyName, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.TargetName, name, StringComparison.OrdinalIgnoreCase));

    public static Type? EntityTypeOf(string legacyTable) => ByName(legacyTable)?.EntityType;

    private static IReadOnlyList<LegacyTable> Build()
    {
        using var sqlite = new SqliteEpic16Context(new DbContextOptionsBuilder<SqliteEpic16Context>()
            .UseSqlite("Data Source=:memory:").UseSnakeCaseNamingConvention().Options);
        using var postgres = new PostgresEpic16Context(Epic16Stores.PostgresOptions("Host=localhost"));
        return FkOrder.Select(type =>
        {
            var legacy = sqlite.Model.FindEntityType(type)!;
            var target = postgres.Model.FindEntityType(type)!;
            var name = legacy.GetTableName()!;
            return new LegacyTable(type, name, target.GetTableName()!, LegacyStore.FileOf(name).FileName, legacy, target);
        }).ToList();
    }
}
