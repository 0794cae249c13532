using Epic16.Domain.DualWrite;
using Epic16.Domain.Persistence;
using Epic16.Domain.StoreMigration;
using Epic16.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Epic16.Tests.DualWrite;

/// <summary>Shared steps of the dual-write tests: writes through the router's primary context, and counts on each store.</summary>
internal static class DualWriteKit
{
    /// <summary>One row in every table (awkward values: JSON, money, microseconds), then an in-place JSON edit and a delete, all through the primary context.</summary>
    public static async Task<long> WriteGraphAsync(IStoreRouter router)
    {
        long plainId;
        long prospectId;
        await using (var db = await router.CreateContextAsync())
        {
            var prospect = SampleEntities.Prospect();
            var plain = SampleEntities.Prospect("Plain Co");
            plain.DecisionMakers = null;
            plain.TechStack = null;
            plain.PainPoints = [];
            db.Prospects.AddRange(prospect, plain);
            await db.SaveChangesAsync();
            prospectId = prospect.Id;
            plainId = plain.Id;

            var businessCase = SampleEntities.BusinessCase(prospect.Id);
            var campaign = SampleEntities.Campaign(prospect.Id);
            var asset = SampleEntities.ContentAsset();
            var template = SampleEntities.Template();
            db.AddRange(SampleEntities.LeadScore(prospect.Id), businessCase, SampleEntities.SequenceStep(prospect.Id), SampleEntities.CrmConversion(prospect.Id), campaign, asset, template);
            await db.SaveChangesAsync();

            var client = SampleEntities.Client(prospect.Id, template.Id);
            db.AddRange(SampleEntities.RoiEntry(prospect.Id, businessCase.Id), SampleEntities.Touchpoint(campaign.Id, prospect.Id, asset.Id), SampleEntities.Performance(campaign.Id), client);
            await db.SaveChangesAsync();

            var first = SampleEntities.Milestone(client.Id, null);
            db.Add(first);
            await db.SaveChangesAsync();
            db.AddRange(SampleEntities.Milestone(client.Id, [first.Id]), SampleEntities.Health(client.Id), SampleEntities.Communication(client.Id));
            await db.SaveChangesAsync();
        }

        // A later operation edits JSON in place and money, and another deletes a row.
        await using (var db = await router.CreateContextAsync())
        {
            var prospect = await db.Prospects.SingleAsync(p => p.Id == prospectId);
            prospect.DecisionMakers![0].Title = "Group CFO";
            prospect.TechStack!.Add("Snowflake");
            prospect.EstimatedArrUsd = 512_345.67m;
            await db.SaveChangesAsync();
        }

        await using (var db = await router.CreateContextAsync())
        {
            db.Prospects.Remove(await db.Prospects.SingleAsync(p => p.Id == plainId));
            await db.SaveChangesAsync();
        }

        return prospectId;
    }

    public static async Task<long> AddProspectAsync(IStoreRouter router, string company, CancellationToken ct = default)
    {
        await using var db = await router.CreateContextAsync(ct);
        var prospect = SampleEntities.Prospect(company);
        db.Prospects.Add(prospect);
        await db.SaveChangesAsync(ct);
        return prospect.Id;
    }

    /// <summary>Rows per table on one store, read without the router's monitoring.</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(StoreScope scope, StoreKind store)
    {
        await using var db = await scope.Router.CreateBackgroundContextAsync(store);
        return new Dictionary<string, long>
        {
            ["prospects"] = await db.Prospects.LongCountAsync(),
            ["lead_scoring"] = await db.LeadScores.LongCountAsync(),
            ["business_cases"] = await db.BusinessCases.LongCountAsync(),
            ["touchpoints"] = await db.Touchpoints.LongCountAsync(),
            ["milestones"] = await db.Milestones.LongCountAsync(),
            ["communications"] = await db.Communications.LongCountAsync(),
        };
    }

    public static async Task<HashSet<string>> CompaniesAsync(StoreScope scope, StoreKind store)
    {
        await using var db = await scope.Router.CreateBackgroundContextAsync(store);
        return [.. await db.Prospects.Select(p => p.CompanyName).ToListAsync()];
    }

    /// <summary>A compare-only pass: reconciles into a store from the primary and returns what it found (and repaired).</summary>
    public static Task<ReconcileReport> ReconcileAsync(StoreScope scope, StoreKind from) =>
        scope.Services.GetRequiredService<Reconciler>().ReconcileAsync(Epic16.Domain.Security.SystemUser.Cli, from, from == StoreKind.Sqlite ? StoreKind.Postgres : StoreKind.Sqlite);

    public static CutoverController Cutover(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CutoverController>();

    public static async Task ExecutePostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static StoreMode ModeOf(StoreScope scope) => scope.Services.GetRequiredService<StoreModeState>().Mode;
}
