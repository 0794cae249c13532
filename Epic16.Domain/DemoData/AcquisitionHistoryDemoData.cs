using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.DemoData;

/// <summary>A prospect's history in the acquisition file: lead_scoring, business_cases, sales_sequences and roi_tracking.</summary>
internal sealed class AcquisitionHistoryDemoData(SqliteTransaction transaction, Random rng) : IDisposable
{
    private static readonly string[] SequenceNames = ["Executive outreach", "ROI follow-up", "Champion nurture", "Event follow-up", "Procurement push"];
    private static readonly string[] Replies = ["Interested — send the business case.", "Not this quarter, ping me in January.", "Looping in our CIO.", "Can we do Tuesday 10:00?"];

    private readonly DemoTableWriter _scores = new(transaction, "lead_scoring",
        "prospect_id", "score", "fit_score", "intent_score", "engagement_score", "factors", "model_version", "scored_at");
    private readonly DemoTableWriter _cases = new(transaction, "business_cases",
        "prospect_id", "title", "investment_usd", "annual_benefit_usd", "horizon_years", "discount_rate", "roi_percent", "payback_months", "npv_usd",
        "assumptions", "status", "created_at", "updated_at");
    private readonly DemoTableWriter _sequences = new(transaction, "sales_sequences",
        "prospect_id", "sequence_name", "step_number", "channel", "subject", "scheduled_at", "sent_at", "status", "response", "created_at");
    private readonly DemoTableWriter _roi = new(transaction, "roi_tracking",
        "prospect_id", "business_case_id", "period", "invested_usd", "realized_value_usd", "notes", "recorded_at");

    /// <summary>3-8 snapshots whose intent and engagement grow with the stage the prospect reached; factors add up to the score.</summary>
    public List<DemoScore> PlanScores(DateTime created, int stage, int? rank)
    {
        var fitBase = rank is { } r ? 95 - r / 500.0 * 45 : 55;
        var count = rng.Next(3, 9);
        var last = DemoCatalog.Anchor.AddDays(-rng.Next(1, 20));
        var scores = new List<DemoScore>(count);
        for (var k = 0; k < count; k++)
        {
            var at = created.AddTicks((last - created).Ticks / count * (k + 1)).AddSeconds(-rng.Next(3600));
            var progress = (k + 1.0) / count * Math.Min(stage, 6) / 6.0;
            var fit = Clamp(fitBase + rng.Next(-5, 6));
            var intent = Clamp(20 + 70 * progress + rng.Next(-8, 9));
            var engagement = Clamp(15 + 75 * progress + rng.Next(-8, 9));
            var factors = new JsonObject
            {
                ["fortune_rank"] = Round1(0.25 * fit),
                ["industry_fit"] = Round1(0.20 * fit),
                ["intent_signals"] = Round1(0.30 * intent),
                ["engagement"] = Round1(0.25 * engagement),
            };
            var score = factors.Sum(f => (decimal)f.Value!.GetValue<double>());
            var model = at < new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) ? "v1.4" : at < new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc) ? "v2.0" : "v2.1";
            scores.Add(new DemoScore(at, (double)score, fit, intent, engagement, factors, model));
        }

        return scores;
    }

    public void Write(long prospectId, string company, DateTime created, int stage, string status, string owner, List<DemoScore> scores)
    {
        foreach (var s in scores)
        {
            var broken = _scores.NextId == DemoDataGenerator.MalformedJson.Id;
            _scores.Insert(prospectId, s.Score, s.Fit, s.Intent, s.Engagement,
                broken ? DemoDataGenerator.MalformedJson.RawValue : LegacyForms.Json(s.Factors, rng),
                s.ModelVersion, LegacyForms.Timestamp(s.ScoredAt, rng));
        }

        if (stage >= 1)
        {
            WriteSequence(prospectId, created, owner);
            if (stage >= 4 && rng.Next(10) < 3)
            {
                WriteSequence(prospectId, created.AddDays(45), owner);
            }
        }

        if (stage >= 3)
        {
            WriteCase(prospectId, company, created, stage, status);
        }
    }

    public void Count(IDictionary<string, long> counts)
    {
        counts["lead_scoring"] = _scores.Rows;
        counts["business_cases"] = _cases.Rows;
        counts["sales_sequences"] = _sequences.Rows;
        counts["roi_tracking"] = _roi.Rows;
    }

    private void WriteSequence(long prospectId, DateTime from, string owner)
    {
        var start = LegacyForms.Between(from, from.AddDays(60), rng);
        var name = $"{rng.Pick(SequenceNames)} {start.Year} Q{(start.Month + 2) / 3}";
        var scheduled = start;
        var steps = rng.Next(3, 7);
        for (var step = 1; step <= steps; step++)
        {
            scheduled = scheduled.AddDays(rng.Next(2, 7)).AddMinutes(rng.Next(-90, 90));
            var channel = step == 1 ? "email" : rng.Pick(DemoCatalog.SequenceChannels);
            var past = scheduled < DemoCatalog.Anchor;
            var state = !past ? "scheduled" : rng.Next(10) switch { < 5 => "sent", < 7 => "replied", 7 => "bounced", _ => "skipped" };
            var sent = past && state != "skipped" ? scheduled.AddMinutes(rng.Next(1, 30)) : (DateTime?)null;
            _sequences.Insert(prospectId, name, step, LegacyForms.Enum(channel, rng),
                step == 1 ? $"{owner.Split('@')[0]} ↔ your team: a 20-minute intro?" : $"Step {step}: {channel} follow-up",
                LegacyForms.Timestamp(scheduled, rng), LegacyForms.OptionalTimestamp(sent, rng), LegacyForms.Enum(state, rng),
                state == "replied" ? rng.Pick(Replies) : null, LegacyForms.Timestamp(start, rng));
        }
    }

    private void WriteCase(long prospectId, string company, DateTime created, int stage, string status)
    {
        var state = status switch
        {
            "lost" => "rejected",
            "converted" => "accepted",
            "negotiation" => rng.Next(2) == 0 ? "accepted" : "presented",
            "proposal" => "presented",
            _ => rng.Next(10) < 6 ? "draft" : "presented",
        };
        var investment = LegacyForms.Money(250_000 + rng.NextDouble() * 2_750_000);
        var benefit = LegacyForms.Money(investment * (0.5 + rng.NextDouble() * 1.1));
        var horizon = rng.Next(3, 6);
        var rate = rng.Next(8, 13) / 100.0;
        var npv = -investment + Enumerable.Range(1, horizon).Sum(t => benefit / Math.Pow(1 + rate, t));
        var at = LegacyForms.Between(created.AddDays(20), DemoCatalog.Anchor.AddDays(-30), rng);
        var assumptions = new JsonObject
        {
            ["seats"] = rng.Next(200, 20_000),
            ["adoption_rate"] = rng.Next(50, 96) / 100.0,
            ["hours_saved_per_week"] = rng.Next(2, 12),
            ["hourly_cost_usd"] = rng.Next(45, 160),
            ["includes_implementation"] = rng.Next(2) == 0,
            ["source"] = stage >= 5 ? "customer finance team" : "discovery workshop",
        };
        var id = _cases.Insert(prospectId, $"{company} — {rng.Pick(DemoCatalog.PainAreas)} business case", investment, benefit, horizon, rate,
            Math.Round((benefit * horizon - investment) / investment * 100, 2), Math.Round(investment / benefit * 12, 1), LegacyForms.Money(npv),
            LegacyForms.Json(assumptions, rng), LegacyForms.Enum(state, rng), LegacyForms.Timestamp(at, rng),
            LegacyForms.OptionalTimestamp(rng.Next(4) == 0 ? null : LegacyForms.Between(at, DemoCatalog.Anchor, rng), rng));
        if (state is "presented" or "accepted")
        {
            WriteRoi(prospectId, id, at, state == "accepted");
        }
    }

    private void WriteRoi(long prospectId, long caseId, DateTime from, bool accepted)
    {
        var month = new DateTime(from.Year, from.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var m = 0; m < 12 && month.AddMonths(1) <= DemoCatalog.Anchor; m++, month = month.AddMonths(1))
        {
            var realized = accepted && m >= 2 ? LegacyForms.Money(5_000 * (m - 1) + rng.NextDouble() * 8_000) : 0.0;
            _roi.Insert(prospectId, rng.Next(10) == 0 ? null : caseId, month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                LegacyForms.Money(2_000 + rng.NextDouble() * 18_000), realized, m == 0 ? "Kick-off month: workshops & travel" : null,
                LegacyForms.Timestamp(month.AddMonths(1).AddHours(2).AddSeconds(rng.Next(3600)), rng));
        }
    }

    private static double Clamp(double value) => Math.Clamp(Math.Round(value, 1), 0, 100);

    private static double Round1(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public void Dispose()
    {
        _scores.Dispose();
        _cases.Dispose();
        _sequences.Dispose();
        _roi.Dispose();
    }
}
