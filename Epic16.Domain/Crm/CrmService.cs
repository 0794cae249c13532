using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Crm;

/// <summary>The Epic 7 CRM as Epic 16 sees it: contacts, deals and the open-pipeline value it must protect.</summary>
public sealed class CrmService(IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    public async Task<CrmContact> CreateContactAsync(string fullName, string email, string company, string? title, string? source, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var contact = CrmRecords.Contact(fullName, email, company, title, source, clock.GetUtcNow().UtcDateTime);
        db.CrmContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<CrmContact?> FindContactByEmailAsync(string email, CancellationToken ct = default)
    {
        var normalized = CrmRecords.NormalizeEmail(email);
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.CrmContacts.AsNoTracking().FirstOrDefaultAsync(c => c.Email == normalized, ct);
    }

    public async Task<CrmDeal> OpenDealAsync(string name, string company, long? contactId, decimal valueUsd, string? source, CancellationToken ct = default)
    {
        var deal = CrmRecords.Deal(name, company, valueUsd, source, clock.GetUtcNow().UtcDateTime, contactId);
        await using var db = await platform.CreateDbContextAsync(ct);
        db.CrmDeals.Add(deal);
        await db.SaveChangesAsync(ct);
        return deal;
    }

    public async Task<decimal> OpenPipelineValueAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.CrmDeals.Where(d => d.Status == CrmDealStatus.Open).SumAsync(d => (decimal?)d.ValueUsd, ct) ?? 0m;
    }

    /// <summary>The open pipeline, and how much of it came from Epic 16's recorded conversions.</summary>
    public async Task<Epic7Pipeline> PipelineAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var open = db.CrmDeals.Where(d => d.Status == CrmDealStatus.Open);
        var total = await open.SumAsync(d => (decimal?)d.ValueUsd, ct) ?? 0m;
        var converted = await open.Where(d => d.Source != null && d.Source.StartsWith(Epic7Pipeline.ConversionSourcePrefix))
            .SumAsync(d => (decimal?)d.ValueUsd, ct) ?? 0m;
        return new Epic7Pipeline(total, converted);
    }

    public async Task<IReadOnlyList<CrmContact>> ContactsAsync(string? search = null, int take = 200, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var query = db.CrmContacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim()}%";
            query = query.Where(c => EF.Functions.ILike(c.FullName, pattern) || EF.Functions.ILike(c.Email, pattern) || EF.Functions.ILike(c.Company, pattern));
        }

        return await query.OrderByDescending(c => c.Id).Take(take).ToListAsync(ct);
    }
}
