using Epic16.Domain.Crm;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.DemoData;

/// <summary>
/// Seeds the Epic 7 CRM on PostgreSQL: a contact for each converted decision maker (crm_conversions points at them)
/// and deals whose OPEN ones add up to exactly <see cref="OpenPipelineUsd"/>. Idempotent: when crm_deals has rows the
/// CRM is left alone, and the converted decision makers must already be contacts there (looked up by e-mail).
/// </summary>
public static class CrmDemoData
{
    public const decimal OpenPipelineUsd = 1_158_000.00m;

    private static readonly (string Name, string Email, string Title, string Company)[] Epic7Contacts =
    [
        ("Rachel Kim", "rachel.kim@harborviewbank.example", "VP Operations", "Harborview Bank"),
        ("Luis Fernández", "luis.fernandez@andesmining.example", "CIO", "Andes Mining Co."),
        ("Emma Walsh", "emma.walsh@northgateretail.example", "Head of Procurement", "Northgate Retail"),
        ("Yusuf Demir", "yusuf.demir@bosphoruslogistics.example", "CTO", "Bosphorus Logistics"),
        ("Claire Dubois", "claire.dubois@lyonpharma.example", "Director of IT", "Lyon Pharma"),
        ("Noah Bennett", "noah.bennett@tristateutilities.example", "CFO", "Tri-State Utilities"),
    ];

    // The seven open deals sum to 1,158,000.00; the won and lost ones do not count toward the pipeline.
    private static readonly (string Name, decimal Value, string Status, int ContactIndex)[] Deals =
    [
        ("Platform expansion — EMEA", 245_000.00m, CrmDealStatus.Open, 0),
        ("Data residency add-on", 198_500.00m, CrmDealStatus.Open, 1),
        ("Procurement analytics pilot", 176_250.50m, CrmDealStatus.Open, 2),
        ("Fleet telemetry integration", 162_000.00m, CrmDealStatus.Open, 3),
        ("Validation services (GxP)", 139_999.50m, CrmDealStatus.Open, 4),
        ("Usage-based renewal uplift", 121_750.00m, CrmDealStatus.Open, 5),
        ("Executive dashboards", 114_500.00m, CrmDealStatus.Open, 0),
        ("Enterprise licence 2025", 310_000.00m, CrmDealStatus.Won, 1),
        ("Regional roll-out (phase 1)", 87_500.00m, CrmDealStatus.Won, 3),
        ("Legacy ERP connector", 150_000.00m, CrmDealStatus.Lost, 2),
        ("Partner marketplace listing", 64_000.00m, CrmDealStatus.Lost, 5),
    ];

    public static async Task<CrmSeedResult> SeedAsync(IDbContextFactory<PlatformContext> platform, IReadOnlyList<DemoCrmContact> contacts, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var wanted = contacts.Select(c => CrmRecords.NormalizeEmail(c.Email)).Distinct().ToList();
        var ids = await ExistingIdsAsync(db, wanted, ct);

        if (await db.CrmDeals.AnyAsync(ct))
        {
            var missing = wanted.Count(e => !ids.ContainsKey(e));
            if (missing > 0)
            {
                throw new InvalidOperationException(
                    $"The Epic 7 CRM already has deals, so the seed leaves it alone, but {missing} converted decision maker(s) are not CRM contacts: crm_conversions would point at nothing. Seed with --skip-crm, or against an empty CRM.");
            }

            var open = await db.CrmDeals.Where(d => d.Status == CrmDealStatus.Open).SumAsync(d => (decimal?)d.ValueUsd, ct) ?? 0m;
            return new CrmSeedResult(false, 0, 0, open, ids, $"CRM already has deals: left alone (open pipeline ${open:N2}); {ids.Count} converted contacts found by e-mail.");
        }

        var created = 0;
        var at = DemoCatalog.Anchor.AddDays(-30);
        // Converted decision makers first, in conversion order, so a fresh CRM numbers them 1, 2, … as the generator assumes without a CRM.
        var toAdd = contacts.Where(c => !ids.ContainsKey(CrmRecords.NormalizeEmail(c.Email))).DistinctBy(c => CrmRecords.NormalizeEmail(c.Email))
            .Select(c => CrmRecords.Contact(c.FullName, c.Email, c.Company, c.Title, "epic16-conversion", at))
            .ToList();
        foreach (var batch in toAdd.Chunk(1000))
        {
            db.CrmContacts.AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            created += batch.Length;
        }

        foreach (var contact in toAdd)
        {
            ids[contact.Email] = contact.Id;
        }

        var epic7Emails = Epic7Contacts.Select(c => c.Email).ToList();
        var epic7 = await db.CrmContacts.Where(c => epic7Emails.Contains(c.Email)).ToDictionaryAsync(c => c.Email, ct);
        foreach (var (name, email, title, company) in Epic7Contacts.Where(c => !epic7.ContainsKey(c.Email)))
        {
            var contact = CrmRecords.Contact(name, email, company, title, "epic7", DemoCatalog.Anchor.AddDays(-200));
            db.CrmContacts.Add(contact);
            epic7[email] = contact;
            created++;
        }

        await db.SaveChangesAsync(ct);
        foreach (var (name, value, status, contactIndex) in Deals)
        {
            var contact = epic7[Epic7Contacts[contactIndex].Email];
            var opened = DemoCatalog.Anchor.AddDays(-150 + contactIndex * 9);
            db.CrmDeals.Add(CrmRecords.Deal(name, contact.Company, value, "epic7", opened, contact.Id,
                status: status, closedAt: status == CrmDealStatus.Open ? null : opened.AddDays(60)));
        }

        await db.SaveChangesAsync(ct);
        var pipeline = Deals.Where(d => d.Status == CrmDealStatus.Open).Sum(d => d.Value);
        return new CrmSeedResult(true, created, Deals.Length, pipeline, ids, $"CRM seeded: {created} contacts, {Deals.Length} deals, open pipeline ${pipeline:N2}.");
    }

    private static async Task<Dictionary<string, long>> ExistingIdsAsync(PlatformContext db, List<string> emails, CancellationToken ct)
    {
        var ids = new Dictionary<string, long>();
        foreach (var chunk in emails.Chunk(5000))
        {
            foreach (var c in await db.CrmContacts.AsNoTracking().Where(c => chunk.Contains(c.Email)).Select(c => new { c.Email, c.Id }).ToListAsync(ct))
            {
                ids[c.Email] = c.Id;
            }
        }

        return ids;
    }
}
