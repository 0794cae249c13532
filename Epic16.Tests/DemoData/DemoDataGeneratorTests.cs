using Epic16.Domain.DemoData;
using Epic16.Domain.Persistence.Legacy;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.DemoData;

public sealed class DemoDataGeneratorTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task GenerateAsync_Twice_WritesIdenticalRows()
    {
        using var other = new TempFolder();
        await DemoDataGenerator.GenerateAsync(other.Path, 1, null, TestContext.Current.CancellationToken);

        foreach (var table in LegacyStore.Tables)
        {
            var sql = $"SELECT * FROM {table} ORDER BY id";
            var first = LegacySql.Rows(LegacySql.PathOf(demo.Directory, table), sql);
            var second = LegacySql.Rows(LegacySql.PathOf(other.Path, table), sql);
            Assert.NotEmpty(first);
            Assert.Equal(first, second);
        }
    }

    [Theory]
    [InlineData("prospects", 70, 100)]
    [InlineData("lead_scoring", 240, 640)]
    [InlineData("business_cases", 30, 50)]
    [InlineData("content_assets", 12, 12)]
    [InlineData("campaigns", 6, 10)]
    [InlineData("touchpoints", 150, 200)]
    [InlineData("success_templates", 3, 3)]
    [InlineData("clients", 30, 50)]
    [InlineData("health_metrics", 3600, 3600)]
    public void GenerateAsync_ScaleOne_VolumesWithinStatedRanges(string table, long min, long max)
    {
        var rows = LegacySql.Count(demo.Directory, table);

        Assert.InRange(rows, min, max);
        Assert.Equal(rows, demo.Result.RowsPerTable[table]);
    }

    [Fact]
    public void GenerateAsync_ScaleOne_EveryTableHasRowsAndEachProspectThreeToEightScores()
    {
        Assert.All(LegacyStore.Tables, t => Assert.True(LegacySql.Count(demo.Directory, t) > 0, $"{t} is empty"));
        var perProspect = LegacySql.Rows(LegacySql.PathOf(demo.Directory, "lead_scoring"), "SELECT count(*) FROM lead_scoring GROUP BY prospect_id")
            .Select(r => long.Parse(r.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(80, perProspect.Count);
        Assert.All(perProspect, n => Assert.InRange(n, 3, 8));
    }

    [Fact]
    public void GenerateAsync_ScaleOne_AllEightProspectStatusesAndAllTenAssetTypes()
    {
        var statuses = LegacySql.Values(demo.Directory, "prospects", "status").Select(v => v.Value!.Trim().ToLowerInvariant()).ToHashSet();
        var types = LegacySql.Values(demo.Directory, "content_assets", "asset_type").Select(v => v.Value!.Trim().ToLowerInvariant()).ToHashSet();

        Assert.Equal(DemoCatalog.ProspectStatuses.Order(), statuses.Order());
        Assert.Equal(DemoCatalog.AssetTypes.Order(), types.Order());
    }

    [Fact]
    public void BrokenRows_ScaleOne_EachExistsExactlyOnceWithItsRawValue()
    {
        Assert.Equal(3, DemoDataGenerator.BrokenRows.Count);
        foreach (var broken in DemoDataGenerator.BrokenRows)
        {
            Assert.Equal(1, LegacySql.Count(demo.Directory, broken.Table, $"id = {broken.Id} AND CAST({broken.Column} AS TEXT) = '{broken.RawValue.Replace("'", "''")}'"));
        }

        Assert.Equal(1, LegacySql.Count(demo.Directory, "lead_scoring", "factors LIKE '%''intent'':'"));
        Assert.Equal(1, LegacySql.Count(demo.Directory, "communications", "occurred_at LIKE '%-02-30%' OR occurred_at LIKE '%-02-31%' OR occurred_at LIKE '%-02-29%'"));
    }

    [Fact]
    public void GenerateAsync_ScaleOne_OnlyTheOrphanTouchpointPointsAtAMissingProspect()
    {
        var prospects = LegacySql.Values(demo.Directory, "prospects", "id").Select(v => v.Value).ToHashSet();
        var orphans = LegacySql.Rows(LegacySql.PathOf(demo.Directory, "touchpoints"), "SELECT id, prospect_id FROM touchpoints")
            .Select(r => r.Split('|')).Where(r => !prospects.Contains(r[1].Split(':')[1])).Select(r => r[0]).ToList();
        var clientProspects = LegacySql.Values(demo.Directory, "clients", "prospect_id").Where(v => v.Value is not null).Select(v => v.Value).ToList();

        Assert.Equal([$"integer:{DemoDataGenerator.OrphanTouchpoint.Id}"], orphans);
        Assert.NotEmpty(clientProspects);
        Assert.All(clientProspects, p => Assert.Contains(p, prospects));
    }

    [Theory]
    [InlineData("prospects", "lower(trim(company_name))")]
    [InlineData("crm_conversions", "prospect_id, lower(trim(decision_maker_email))")]
    [InlineData("performance", "campaign_id, substr(metric_date, 1, 10)")]
    [InlineData("health_metrics", "client_id, substr(metric_date, 1, 10)")]
    [InlineData("success_templates", "lower(trim(name))")]
    public void GenerateAsync_ScaleOne_UniqueKeysHoldAfterNormalisation(string table, string key)
    {
        var distinct = Convert.ToInt64(LegacySql.Scalar(demo.Directory, table, $"SELECT count(*) FROM (SELECT DISTINCT {key} FROM {table})"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(LegacySql.Count(demo.Directory, table), distinct);
    }

    [Fact]
    public void GenerateAsync_ScaleOne_ConversionsPointAtTheReportedCrmContacts()
    {
        var conversions = LegacySql.Rows(LegacySql.PathOf(demo.Directory, "crm_conversions"), "SELECT decision_maker_email, crm_contact_id FROM crm_conversions ORDER BY id");

        Assert.NotEmpty(conversions);
        Assert.Equal(demo.Result.CrmContacts.Select((c, i) => $"text:{c.Email}|integer:{i + 1}"), conversions);
    }

    [Fact]
    public async Task GenerateAsync_ScaleThree_MultipliesVolumesAndKeepsOneOfEachBrokenRow()
    {
        using var folder = new TempFolder();
        var result = await DemoDataGenerator.GenerateAsync(folder.Path, 3, null, TestContext.Current.CancellationToken);

        Assert.Equal(240, result.RowsPerTable["prospects"]);
        Assert.Equal(120, result.RowsPerTable["clients"]);
        Assert.Equal(240, LegacySql.Count(folder.Path, "prospects", "1=1") - 0);
        Assert.Equal(240, Convert.ToInt64(LegacySql.Scalar(folder.Path, "prospects", "SELECT count(DISTINCT company_name) FROM prospects"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, LegacySql.Count(folder.Path, "lead_scoring", "factors LIKE '%''intent'':'"));
        Assert.Equal(1, LegacySql.Count(folder.Path, "touchpoints", $"prospect_id > 240"));
        Assert.Equal(1, LegacySql.Count(folder.Path, "communications", "occurred_at LIKE '%-02-30%'"));
    }
}
