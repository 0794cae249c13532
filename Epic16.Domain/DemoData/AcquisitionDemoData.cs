using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Epic16.Domain.DemoData;

/// <summary>Writes epic16_fortune500_acquisition.db: prospects with their decision makers, then their history, then CRM conversions.</summary>
internal sealed class AcquisitionDemoData(SqliteTransaction transaction, int scale, IDictionary<string, long> counts)
{
    public const int ProspectsPerScale = 80;

    // Every stage appears in each run of 20 prospects; the early stages are the most common, as in a real funnel.
    private static readonly string[] StatusCycle =
    [
        "identified", "identified", "identified", "researching", "researching", "researching", "engaged", "engaged", "engaged", "qualified",
        "qualified", "qualified", "proposal", "proposal", "negotiation", "negotiation", "converted", "converted", "lost", "lost",
    ];

    private readonly Random _rng = new(DemoDataGenerator.Seed + 1);

    public async Task<IReadOnlyList<DemoProspect>> WriteAsync(DemoContactResolver? resolveContacts, CancellationToken ct)
    {
        using var prospects = new DemoTableWriter(transaction, "prospects",
            "company_name", "fortune_rank", "industry", "headquarters", "annual_revenue_usd", "employee_count", "website", "status", "lead_score",
            "estimated_arr_usd", "decision_makers", "tech_stack", "pain_points", "owner", "notes", "created_at", "updated_at");
        using var history = new AcquisitionHistoryDemoData(transaction, _rng);
        var written = new List<DemoProspect>(ProspectsPerScale * scale);
        var contacts = new List<DemoCrmContact>();
        var conversions = new List<(string By, DateTime At)>();

        for (var i = 0; i < ProspectsPerScale * scale; i++)
        {
            if (i % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var company = DemoCatalog.Company(i);
            var status = StatusCycle[i * 13 % StatusCycle.Length];
            var stage = status == "lost" ? _rng.Next(2, 6) : Array.IndexOf(DemoCatalog.ProspectStatuses, status);
            int? rank = _rng.Next(25) == 0 ? null : _rng.Next(1, 501);
            var revenue = rank is { } r ? 650e9 / Math.Pow(r, 0.75) * (0.85 + _rng.NextDouble() * 0.3) : 4e9 + _rng.NextDouble() * 12e9;
            var created = LegacyForms.Between(DemoCatalog.Anchor.AddDays(-420), DemoCatalog.Anchor.AddDays(-40), _rng);
            var owner = _rng.Pick(DemoCatalog.SalesReps);
            var scores = history.PlanScores(created, stage, rank);
            var makers = DecisionMakers(company, status == "converted");
            var id = prospects.Insert(
                company.Name,
                rank,
                company.Industry,
                _rng.Pick(DemoCatalog.Cities),
                LegacyForms.Money(revenue),
                (long)(revenue / (250_000 + _rng.Next(350_000))),
                $"https://www.{company.Domain}",
                LegacyForms.Enum(status, _rng),
                scores[^1].Score,
                LegacyForms.Money(150_000 + _rng.NextDouble() * 1_350_000),
                LegacyForms.Json(makers, _rng),
                LegacyForms.Json(TechStack(), _rng),
                LegacyForms.Json(PainPoints(), _rng),
                owner,
                Notes(),
                LegacyForms.Timestamp(created, _rng),
                LegacyForms.OptionalTimestamp(_rng.Next(6) == 0 ? null : LegacyForms.Between(created, DemoCatalog.Anchor, _rng), _rng));
            history.Write(id, company.Name, created, stage, status, owner, scores);

            if (status == "converted")
            {
                var convertedAt = LegacyForms.Between(DemoCatalog.Anchor.AddDays(-30), DemoCatalog.Anchor.AddDays(-1), _rng);
                foreach (var maker in makers.OfType<JsonObject>().Where(m => m["email"] is not null))
                {
                    contacts.Add(new DemoCrmContact(id, (string)maker["email"]!, (string)maker["name"]!, (string?)maker["title"], company.Name));
                    conversions.Add((owner, convertedAt));
                }
            }

            written.Add(new DemoProspect(id, company.Name, status, rank, company.Industry, owner, created));
        }

        // Without a CRM the ids are those a fresh CRM gives contacts created in this order (1, 2, …).
        var contactIds = resolveContacts is null
            ? contacts.Select((c, i) => (c.Email, Id: (long)i + 1)).ToDictionary(x => x.Email, x => x.Id)
            : await resolveContacts(contacts, ct);
        using var crm = new DemoTableWriter(transaction, "crm_conversions", "prospect_id", "decision_maker_email", "crm_contact_id", "converted_by", "converted_at");
        for (var i = 0; i < contacts.Count; i++)
        {
            crm.Insert(contacts[i].ProspectId, contacts[i].Email, contactIds[contacts[i].Email], conversions[i].By, LegacyForms.Timestamp(conversions[i].At, _rng));
        }

        counts["prospects"] = prospects.Rows;
        history.Count(counts);
        counts["crm_conversions"] = crm.Rows;
        CrmContacts = contacts;
        return written;
    }

    /// <summary>The converted prospects' decision makers, in the order their conversions were written.</summary>
    public IReadOnlyList<DemoCrmContact> CrmContacts { get; private set; } = [];

    private JsonArray DecisionMakers(DemoCompany company, bool converted)
    {
        var makers = new JsonArray();
        var used = new HashSet<string>();
        var count = _rng.Next(2, 7);
        while (makers.Count < count)
        {
            var (name, local) = _rng.Next(100) < 6
                ? _rng.Pick(DemoCatalog.ScriptNames)
                : Person();
            if (!used.Add(local))
            {
                continue;
            }

            var k = makers.Count;
            var withEmail = (converted && k == 0) || _rng.Next(100) >= 15;
            makers.Add(new JsonObject
            {
                ["name"] = name,
                ["title"] = _rng.Pick(DemoCatalog.Titles),
                ["email"] = withEmail ? $"{local}@{company.Domain}" : null,
                ["role"] = k switch { 0 => "economic_buyer", 1 => "champion", _ => DemoCatalog.DecisionRoles[_rng.Next(2, DemoCatalog.DecisionRoles.Length)] },
                ["influence"] = k == 0 ? 5 : _rng.Next(1, 6),
                ["linkedin"] = _rng.Next(3) == 0 ? null : $"https://www.linkedin.com/in/{local.Replace('.', '-')}-{_rng.Next(100, 1000)}",
            });
        }

        return makers;
    }

    private (string Name, string Local) Person()
    {
        var first = _rng.Pick(DemoCatalog.FirstNames);
        var last = _rng.Pick(DemoCatalog.LastNames);
        return ($"{first.First} {last.Last}", $"{first.Email}.{last.Email}");
    }

    private JsonArray? TechStack() => _rng.Next(20) switch
    {
        0 => null,
        1 => [],
        _ => [.. DemoCatalog.TechStack.OrderBy(_ => _rng.Next()).Take(_rng.Next(2, 8)).Select(t => (JsonNode)t)],
    };

    private JsonArray? PainPoints()
    {
        var roll = _rng.Next(20);
        if (roll == 0)
        {
            return null;
        }

        var areas = DemoCatalog.PainAreas.OrderBy(_ => _rng.Next()).Take(roll == 1 ? 0 : _rng.Next(1, 5)).ToList();
        if (roll % 2 == 0)
        {
            return [.. areas.Select(a => (JsonNode)a)];
        }

        return [.. areas.Select(a => (JsonNode)new JsonObject
        {
            ["area"] = a,
            ["severity"] = _rng.Next(1, 6),
            ["description"] = $"{char.ToUpperInvariant(a[0])}{a[1..]} costs the team about {_rng.Next(4, 60)} hours a week",
        })];
    }

    private string? Notes() => _rng.Next(10) switch
    {
        < 3 => null,
        < 5 => _rng.Pick(DemoCatalog.TrickyNotes),
        _ => $"Warm intro via {_rng.Pick(DemoCatalog.SalesReps)}; next step: discovery call.",
    };
}
