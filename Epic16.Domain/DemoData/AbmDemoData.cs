using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.DemoData;

/// <summary>Writes epic16_abm_campaigns.db: content assets (all 10 types), campaigns on real prospects, their touchpoints and daily performance.</summary>
internal sealed class AbmDemoData(SqliteTransaction transaction, int scale, IReadOnlyList<DemoProspect> prospects, IDictionary<string, long> counts)
{
    public const int AssetsPerScale = 12;
    public const int CampaignsPerScale = 8;

    private static readonly string[] CampaignThemes = ["Cloud cost reset", "Regulated data platform", "CFO ROI roadshow", "Supply-chain visibility", "AI readiness summit", "Zero-trust briefing"];
    private static readonly string[] TouchpointStatuses = ["sent", "opened", "clicked", "replied", "meeting", "failed", "cancelled"];

    private readonly Random _rng = new(DemoDataGenerator.Seed + 2);

    public void Write(CancellationToken ct)
    {
        var assets = WriteAssets();
        using var campaigns = new DemoTableWriter(transaction, "campaigns",
            "name", "tier", "status", "target_accounts", "channels", "budget_usd", "start_date", "end_date", "owner", "created_at", "updated_at");
        using var touchpoints = new DemoTableWriter(transaction, "touchpoints",
            "campaign_id", "prospect_id", "asset_id", "channel", "scheduled_at", "executed_at", "status", "engagement_score", "notes");
        using var performance = new DemoTableWriter(transaction, "performance",
            "campaign_id", "metric_date", "impressions", "clicks", "engagements", "meetings_booked", "pipeline_influenced_usd", "cost_usd");

        for (var c = 0; c < CampaignsPerScale * scale; c++)
        {
            ct.ThrowIfCancellationRequested();
            var status = DemoCatalog.CampaignStatuses[c % DemoCatalog.CampaignStatuses.Length];
            var tier = DemoCatalog.CampaignTiers[_rng.Next(DemoCatalog.CampaignTiers.Length)];
            var start = DateOnly.FromDateTime(DemoCatalog.Anchor).AddDays(status switch { "planned" => _rng.Next(5, 40), "completed" => -_rng.Next(120, 200), _ => -_rng.Next(30, 90) });
            var end = start.AddDays(_rng.Next(30, 91));
            var targets = Enumerable.Range(0, tier == "one_to_one" ? 1 : _rng.Next(5, 26))
                .Select(_ => prospects[_rng.Next(prospects.Count)].Id).Distinct().ToList();
            var channels = DemoCatalog.TouchpointChannels.OrderBy(_ => _rng.Next()).Take(_rng.Next(2, 5)).ToList();
            var created = start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(-_rng.Next(7, 30));
            var budget = LegacyForms.Money(20_000 + _rng.NextDouble() * 230_000);
            var id = campaigns.Insert($"{_rng.Pick(CampaignThemes)} — {start:yyyy} wave {c + 1}", LegacyForms.Enum(tier, _rng), LegacyForms.Enum(status, _rng),
                // Small tables get their legacy forms on fixed rows, so even 8 campaigns show each of them.
                LegacyForms.Json(new JsonArray([.. targets.Select(t => (JsonNode)t)]), _rng, c % 4 == 1 ? 1 : LegacyForms.PythonLiteralShare),
                c % 11 == 3 ? null : LegacyForms.Json(new JsonArray([.. channels.Select(ch => (JsonNode)ch)]), _rng),
                budget, LegacyForms.Date(start, _rng, c % 4 == 2 ? 1 : 0.08), LegacyForms.Date(end, _rng), _rng.Pick(DemoCatalog.SalesReps),
                LegacyForms.Timestamp(created, _rng), LegacyForms.OptionalTimestamp(_rng.Next(3) == 0 ? null : LegacyForms.Between(created, DemoCatalog.Anchor, _rng), _rng));

            WriteTouchpoints(touchpoints, id, targets, channels, assets, start, end);
            if (status != "planned")
            {
                WritePerformance(performance, id, start, end, budget);
            }
        }

        counts["campaigns"] = campaigns.Rows;
        counts["touchpoints"] = touchpoints.Rows;
        counts["performance"] = performance.Rows;
    }

    private long WriteAssets()
    {
        using var assets = new DemoTableWriter(transaction, "content_assets",
            "title", "asset_type", "persona", "funnel_stage", "url", "metadata", "is_active", "created_at");
        for (var i = 0; i < AssetsPerScale * scale; i++)
        {
            var type = DemoCatalog.AssetTypes[i % DemoCatalog.AssetTypes.Length];
            var persona = _rng.Pick(DemoCatalog.Personas);
            var metadata = new JsonObject
            {
                ["language"] = i % 7 == 5 ? "ja" : "en",
                ["gated"] = _rng.Next(2) == 0,
                ["pages"] = type is "video" or "webinar" or "demo" ? null : _rng.Next(2, 40),
                ["tags"] = new JsonArray([.. DemoCatalog.PainAreas.OrderBy(_ => _rng.Next()).Take(_rng.Next(0, 4)).Select(t => (JsonNode)t)]),
            };
            var title = i % 10 == 4 ? $"「{persona} 向け」ROI ガイド & <checklist> #{i + 1}" : $"The {persona}'s guide to {_rng.Pick(DemoCatalog.PainAreas)} ({type.Replace('_', ' ')} #{i + 1})";
            assets.Insert(title, LegacyForms.Enum(type, _rng), persona, LegacyForms.Enum(_rng.Pick(DemoCatalog.FunnelStages), _rng),
                $"https://content.epic16.demo/{type}/{i + 1}", i % 13 == 6 ? null : LegacyForms.Json(metadata, _rng), _rng.Next(8) == 0 ? 0 : 1,
                LegacyForms.Timestamp(LegacyForms.Between(DemoCatalog.Anchor.AddDays(-500), DemoCatalog.Anchor.AddDays(-10), _rng), _rng));
        }

        counts["content_assets"] = assets.Rows;
        return assets.Rows;
    }

    private void WriteTouchpoints(DemoTableWriter touchpoints, long campaignId, List<long> targets, List<string> channels, long assets, DateOnly start, DateOnly end)
    {
        var count = _rng.Next(19, 26);
        var from = start.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        var to = end.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
        for (var k = 0; k < count; k++)
        {
            var scheduled = LegacyForms.Between(from, to, _rng);
            var past = scheduled < DemoCatalog.Anchor;
            var status = past ? _rng.Pick(TouchpointStatuses) : "scheduled";
            var executed = past && status is not ("cancelled" or "failed") ? scheduled.AddMinutes(_rng.Next(0, 240)) : (DateTime?)null;
            var orphan = touchpoints.NextId == DemoDataGenerator.OrphanTouchpoint.Id;
            touchpoints.Insert(campaignId,
                orphan ? DemoDataGenerator.OrphanProspectId : targets[_rng.Next(targets.Count)],
                _rng.Next(4) == 0 ? null : _rng.NextInt64(1, assets + 1),
                LegacyForms.Enum(_rng.Pick(channels), _rng),
                LegacyForms.Timestamp(scheduled, _rng),
                LegacyForms.OptionalTimestamp(executed, _rng),
                LegacyForms.Enum(status, _rng),
                executed is null ? null : Math.Round(_rng.NextDouble() * 100, 1),
                _rng.Next(12) == 0 ? _rng.Pick(DemoCatalog.TrickyNotes) : null);
        }
    }

    private void WritePerformance(DemoTableWriter performance, long campaignId, DateOnly start, DateOnly end, double budget)
    {
        var last = DateOnly.FromDateTime(DemoCatalog.Anchor).AddDays(-1);
        var days = end.DayNumber - start.DayNumber + 1;
        // Each day is written once, in one form, so (campaign_id, metric_date) stays unique after normalisation.
        for (var day = start; day <= end && day <= last; day = day.AddDays(1))
        {
            var impressions = _rng.Next(500, 25_000);
            var clicks = impressions * _rng.Next(5, 40) / 1000;
            var meetings = _rng.Next(100) < 8 ? _rng.Next(1, 3) : 0;
            performance.Insert(campaignId, LegacyForms.Date(day, _rng, 0.03), impressions, clicks, clicks / 3 + _rng.Next(0, 10), meetings,
                meetings == 0 ? 0.0 : LegacyForms.Money(meetings * (40_000 + _rng.NextDouble() * 160_000)), LegacyForms.Money(budget / days * (0.7 + _rng.NextDouble() * 0.6)));
        }
    }
}
