using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.DemoData;

/// <summary>Writes epic16_enterprise_onboarding.db: templates, clients (some won from converted prospects), milestones, 90 days of health, communications.</summary>
internal sealed class OnboardingDemoData(SqliteTransaction transaction, int scale, IReadOnlyList<DemoProspect> prospects, IDictionary<string, long> counts)
{
    public const int ClientsPerScale = 40;
    public const int HealthDays = 90;

    private static readonly string[] Subjects = ["Weekly status", "Kick-off recap", "SSO cut-over plan", "Re: <b>Go-live</b> date & next steps 🚀", "QBR agenda", "Escalation: data import errors", "Renewal «value review»", "研修スケジュールのご確認"];

    private readonly Random _rng = new(DemoDataGenerator.Seed + 3);

    public void Write(CancellationToken ct)
    {
        WriteTemplates();
        using var clients = new DemoTableWriter(transaction, "clients",
            "company_name", "prospect_id", "template_id", "contract_value_usd", "start_date", "go_live_target", "csm_owner", "status", "created_at", "updated_at");
        using var milestones = new DemoTableWriter(transaction, "milestones",
            "client_id", "name", "description", "sort_order", "due_date", "completed_at", "status", "depends_on");
        using var health = new DemoTableWriter(transaction, "health_metrics",
            "client_id", "metric_date", "product_usage", "support_tickets", "nps", "engagement", "milestone_progress", "health_score", "risk_level");
        using var communications = new DemoTableWriter(transaction, "communications",
            "client_id", "channel", "direction", "subject", "summary", "author", "occurred_at");

        var converted = prospects.Where(p => p.Status == "converted").ToList();
        var count = ClientsPerScale * scale;
        for (var i = 0; i < count; i++)
        {
            if (i % 1024 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            // A third of the clients were won through the pipeline; the others predate it (names beyond the prospects' range).
            var won = i % 3 == 0 && i / 3 < converted.Count ? converted[i / 3] : null;
            var company = won?.Company ?? DemoCatalog.Company(prospects.Count + i).Name;
            var templateIndex = won?.Rank is <= 100 ? 0 : DemoCatalog.RegulatedIndustries.Contains(won?.Industry ?? DemoCatalog.Company(prospects.Count + i).Industry) ? 1 : 2;
            var template = OnboardingTemplates.All[templateIndex];
            var start = DateOnly.FromDateTime(DemoCatalog.Anchor).AddDays(-_rng.Next(20, 420));
            var trend = _rng.Next(10) switch { < 6 => 0, < 8 => 1, _ => -1 }; // steady, improving, declining
            var age = DateOnly.FromDateTime(DemoCatalog.Anchor).DayNumber - start.DayNumber;
            var status = trend < 0 ? (_rng.Next(4) == 0 && age > 200 ? "churned" : "at_risk")
                : age < 30 ? "kickoff" : age < 60 ? "implementation" : age < 120 ? "adoption" : "live";
            var csm = _rng.Pick(DemoCatalog.CsmOwners);
            var created = start.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddDays(-_rng.Next(1, 15)).AddSeconds(_rng.Next(86_400));
            var id = clients.Insert(company, won?.Id, templateIndex + 1, LegacyForms.Money(120_000 + _rng.NextDouble() * 2_400_000),
                LegacyForms.Date(start, _rng), LegacyForms.Date(start.AddDays(template.Milestones.Max(m => m.OffsetDays)), _rng), csm,
                LegacyForms.Enum(status, _rng), LegacyForms.Timestamp(created, _rng),
                LegacyForms.OptionalTimestamp(_rng.Next(5) == 0 ? null : LegacyForms.Between(created, DemoCatalog.Anchor, _rng), _rng));

            var progress = WriteMilestones(milestones, id, template, start, status);
            WriteHealth(health, id, trend, status, progress);
            WriteCommunications(communications, id, csm, company, created);
        }

        counts["clients"] = clients.Rows;
        counts["milestones"] = milestones.Rows;
        counts["health_metrics"] = health.Rows;
        counts["communications"] = communications.Rows;
    }

    private void WriteTemplates()
    {
        using var templates = new DemoTableWriter(transaction, "success_templates", "name", "segment", "description", "milestones", "created_at");
        foreach (var (template, index) in OnboardingTemplates.All.Select((t, i) => (t, i)))
        {
            var milestones = new JsonArray([.. template.Milestones.Select(m => (JsonNode)new JsonObject
            {
                ["key"] = m.Key,
                ["name"] = m.Name,
                ["offset_days"] = m.OffsetDays,
                ["depends_on"] = new JsonArray([.. m.DependsOn.Select(d => (JsonNode)d)]),
            })]);
            // The oldest template was saved by the first legacy version: a Python literal.
            templates.Insert(template.Name, template.Segment, template.Description,
                index == 1 ? PythonRepr.From(milestones) : LegacyForms.Json(milestones),
                LegacyForms.Timestamp(DemoCatalog.Anchor.AddDays(-700 + index * 40).AddSeconds(_rng.Next(86_400)), _rng));
        }

        counts["success_templates"] = templates.Rows;
    }

    /// <summary>Milestones from the template, with depends_on mapped from keys to this client's milestone ids; returns the share done.</summary>
    private double WriteMilestones(DemoTableWriter milestones, long clientId, DemoTemplate template, DateOnly start, string status)
    {
        var ids = new Dictionary<string, long>();
        var done = 0;
        var today = DateOnly.FromDateTime(DemoCatalog.Anchor);
        for (var k = 0; k < template.Milestones.Count; k++)
        {
            var m = template.Milestones[k];
            var due = start.AddDays(m.OffsetDays);
            var state = due.AddDays(7) < today ? "done" : due < today.AddDays(14) ? "in_progress" : "pending";
            if (state != "done" && status == "at_risk" && _rng.Next(3) == 0)
            {
                state = "blocked";
            }

            done += state == "done" ? 1 : 0;
            var completed = state == "done" ? due.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc).AddMinutes(_rng.Next(-4_000, 4_000)) : (DateTime?)null;
            var dependsOn = m.DependsOn.Length == 0 && _rng.Next(4) == 0
                ? null
                : LegacyForms.Json(new JsonArray([.. m.DependsOn.Select(d => (JsonNode)ids[d])]), _rng);
            ids[m.Key] = milestones.Insert(clientId, m.Name, k == 0 ? "Agree goals, owners and the success criteria" : null, k * 10,
                LegacyForms.Date(due, _rng), LegacyForms.OptionalTimestamp(completed, _rng), LegacyForms.Enum(state, _rng), dependsOn);
        }

        return 100.0 * done / template.Milestones.Count;
    }

    private void WriteHealth(DemoTableWriter health, long clientId, int trend, string status, double progress)
    {
        var usage = 45 + _rng.NextDouble() * 40;
        var engagement = 50 + _rng.NextDouble() * 35;
        var nps = _rng.Next(-10, 60);
        var tickets = _rng.Next(0, 6);
        var first = DateOnly.FromDateTime(DemoCatalog.Anchor).AddDays(-HealthDays);
        // Each day is written once, in one form, so (client_id, metric_date) stays unique after normalisation.
        for (var d = 0; d < HealthDays; d++)
        {
            var drift = trend < 0 ? -0.55 : trend > 0 ? 0.3 : 0.0;
            usage = Math.Clamp(usage + drift + (_rng.NextDouble() - 0.5) * 3, 2, 99);
            engagement = Math.Clamp(engagement + drift + (_rng.NextDouble() - 0.5) * 4, 2, 99);
            nps = Math.Clamp(nps + (trend < 0 && d % 9 == 0 ? -4 : _rng.Next(-2, 3)), -100, 100);
            tickets = Math.Clamp(tickets + (trend < 0 && d % 6 == 0 ? 1 : _rng.Next(-1, 2)), 0, 40);
            var milestones = Math.Min(100, progress * (0.8 + 0.2 * d / HealthDays));
            var score = LegacyHealthScore(usage, tickets, nps, engagement, milestones);
            health.Insert(clientId, LegacyForms.Date(first.AddDays(d), _rng, 0.02), Math.Round(usage, 1), tickets, nps, Math.Round(engagement, 1),
                Math.Round(milestones, 1), score, LegacyForms.Enum(status == "churned" && d == HealthDays - 1 ? "critical" : Risk(score), _rng));
        }
    }

    /// <summary>The legacy app's weights: usage 35 %, engagement 20 %, milestones 20 %, NPS 15 %, tickets 10 %.</summary>
    internal static double LegacyHealthScore(double usage, int tickets, int nps, double engagement, double milestones) =>
        Math.Round(0.35 * usage + 0.20 * engagement + 0.20 * milestones + 0.15 * ((nps + 100) / 2.0) + 0.10 * Math.Max(0, 100 - tickets * 10), 2);

    internal static string Risk(double score) => score switch { >= 70 => "healthy", >= 55 => "watch", >= 40 => "at_risk", _ => "critical" };

    private void WriteCommunications(DemoTableWriter communications, long clientId, string csm, string company, DateTime from)
    {
        var count = _rng.Next(4, 13);
        for (var k = 0; k < count; k++)
        {
            var inbound = _rng.Next(3) == 0;
            var at = LegacyForms.Between(from, DemoCatalog.Anchor, _rng);
            var impossible = communications.NextId == DemoDataGenerator.ImpossibleDate.Id;
            communications.Insert(clientId, LegacyForms.Enum(_rng.Pick(DemoCatalog.CommunicationChannels), _rng), LegacyForms.Enum(inbound ? "inbound" : "outbound", _rng),
                _rng.Pick(Subjects), _rng.Next(5) == 0 ? _rng.Pick(DemoCatalog.TrickyNotes) : $"Discussed roll-out progress with {company}.",
                inbound ? $"IT lead, {company}" : csm,
                impossible ? DemoDataGenerator.ImpossibleDate.RawValue : LegacyForms.Timestamp(at, _rng));
        }
    }
}
