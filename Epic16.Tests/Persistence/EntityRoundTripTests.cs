using System.Text.Json;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.Prospects;

namespace Epic16.Tests.Persistence;

/// <summary>The same cases on both stores: every entity written through EF comes back with equal values.</summary>
public sealed class EntityRoundTripTests(PostgresServer postgres)
{
    public static TheoryData<StoreKind> Stores => [StoreKind.Sqlite, StoreKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SaveChanges_EveryTable_ReadsBackEqualValues(StoreKind store)
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        var written = await WriteGraphAsync(scope, store);

        await using var db = await scope.ContextAsync(store);
        var read = new List<object>
        {
            await db.Prospects.SingleAsync(p => p.Id == ((Prospect)written[0]).Id),
            await db.Prospects.SingleAsync(p => p.CompanyName == "Plain Co"),
            await db.LeadScores.SingleAsync(), await db.BusinessCases.SingleAsync(), await db.SequenceSteps.SingleAsync(),
            await db.RoiEntries.SingleAsync(), await db.CrmConversions.SingleAsync(), await db.Campaigns.SingleAsync(),
            await db.ContentAssets.SingleAsync(), await db.Touchpoints.SingleAsync(), await db.CampaignPerformance.SingleAsync(),
            await db.SuccessTemplates.SingleAsync(), await db.OnboardingClients.SingleAsync(),
            await db.Milestones.SingleAsync(m => m.DependsOn != null), await db.Milestones.SingleAsync(m => m.DependsOn == null),
            await db.HealthMetrics.SingleAsync(), await db.Communications.SingleAsync(),
        };

        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal(Json(written[i]), Json(read[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SaveChanges_InPlaceListEdit_IsSaved(StoreKind store)
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        long id;
        await using (var db = await scope.ContextAsync(store))
        {
            var prospect = SampleEntities.Prospect();
            db.Prospects.Add(prospect);
            await db.SaveChangesAsync();
            id = prospect.Id;
            prospect.DecisionMakers![0].Title = "Group CFO";
            prospect.TechStack!.Add("Snowflake");
            await db.SaveChangesAsync();
        }

        await using var fresh = await scope.ContextAsync(store);
        var saved = await fresh.Prospects.SingleAsync(p => p.Id == id);
        Assert.Equal("Group CFO", saved.DecisionMakers![0].Title);
        Assert.Equal(["Snowflake"], saved.TechStack!);
    }

    [Fact]
    public async Task Timestamps_BothStores_ComeBackUtc()
    {
        await using var scope = await StoreScope.CreateAsync(postgres);
        foreach (var store in new[] { StoreKind.Sqlite, StoreKind.Postgres })
        {
            await using (var db = await scope.ContextAsync(store))
            {
                db.Prospects.Add(SampleEntities.Prospect($"Utc {store}"));
                await db.SaveChangesAsync();
            }

            await using var read = await scope.ContextAsync(store);
            var prospect = await read.Prospects.AsNoTracking().SingleAsync();
            Assert.Equal(DateTimeKind.Utc, prospect.CreatedAt.Kind);
            Assert.Equal(SampleEntities.At, prospect.CreatedAt);
        }
    }

    private static async Task<List<object>> WriteGraphAsync(StoreScope scope, StoreKind store)
    {
        await using var db = await scope.ContextAsync(store);
        var prospect = SampleEntities.Prospect();
        var plain = SampleEntities.Prospect("Plain Co");
        plain.DecisionMakers = null;
        plain.TechStack = null;
        plain.PainPoints = [];
        plain.FortuneRank = null;
        db.Prospects.AddRange(prospect, plain);
        await db.SaveChangesAsync();

        var score = SampleEntities.LeadScore(prospect.Id);
        var businessCase = SampleEntities.BusinessCase(prospect.Id);
        var step = SampleEntities.SequenceStep(prospect.Id);
        var conversion = SampleEntities.CrmConversion(prospect.Id);
        var campaign = SampleEntities.Campaign(prospect.Id);
        var asset = SampleEntities.ContentAsset();
        var template = SampleEntities.Template();
        db.AddRange(score, businessCase, step, conversion, campaign, asset, template);
        await db.SaveChangesAsync();

        var roi = SampleEntities.RoiEntry(prospect.Id, businessCase.Id);
        var touchpoint = SampleEntities.Touchpoint(campaign.Id, prospect.Id, asset.Id);
        var performance = SampleEntities.Performance(campaign.Id);
        var client = SampleEntities.Client(prospect.Id, template.Id);
        db.AddRange(roi, touchpoint, performance, client);
        await db.SaveChangesAsync();

        var first = SampleEntities.Milestone(client.Id, null);
        db.Add(first);
        await db.SaveChangesAsync();
        var second = SampleEntities.Milestone(client.Id, [first.Id]);
        var health = SampleEntities.Health(client.Id);
        var communication = SampleEntities.Communication(client.Id);
        db.AddRange(second, health, communication);
        await db.SaveChangesAsync();

        return [prospect, plain, score, businessCase, step, roi, conversion, campaign, asset, touchpoint, performance, template, client, second, first, health, communication];
    }

    // Equal values, whatever scale a store hands a decimal back with (77.5 and 77.50 are the same score).
    private static readonly JsonSerializerOptions Canonical = new() { Converters = { new CanonicalDecimalConverter() } };

    // …and whatever order jsonb hands an object's keys back in.
    private static string Json(object entity) => CanonicalJson.Of(JsonSerializer.Serialize(entity, entity.GetType(), Canonical));

    private sealed class CanonicalDecimalConverter : System.Text.Json.Serialization.JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture));
    }
}
