using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Crm;

/// <summary>
/// The Epic 7 CRM as Epic 16 sees it: contacts, deals and the open-pipeline value it must protect. The public operations
/// check the caller's role; the internal ones serve guarded domain services (conversion, parity, gates, executive figures).
/// </summary>
public sealed class CrmService(IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    internal async Task<CrmContact> CreateContactAsync(string fullName, string email, string company, string? title, string? source, CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var contact = CrmRecords.Contact(fullName, email, company, title, source, clock.GetUtcNow().UtcDateTime);
        db.CrmContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    internal async Task<CrmContact?> FindContactByEmailAsync(string email, CancellationToken ct = default)
    {
        var normalized = CrmRecords.NormalizeEmail(email);
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.CrmContacts.AsNoTracking().FirstOrDefaultAsync(c => c.Email == normalized, ct);
    }

    internal async Task<CrmDeal> OpenDealAsync(string name, string company, long? contactId, decimal valueUsd, string? source, CancellationToken ct = default)
    {
        var deal = CrmRecords.Deal(name, company, valueUsd, source, clock.GetUtcNow().UtcDateTime, contactId);
        await using var db = await platform.CreateDbContextAsync(ct);
        db.CrmDeals.Add(deal);
        await db.SaveChangesAsync(ct);
        return deal;
    }

    /// <summary>The open pipeline value for the CRM page (Sales, Admin).</summary>
    public Task<decimal> OpenPipelineValueAsync(ICurrentUser user, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        return OpenPipelineValueAsync(ct);
    }

    internal async Task<decimal> OpenPipelineValueAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        return await db.CrmDeals.Where(d => d.Status == CrmDealStatus.Open).SumAsync(d => (decimal?)d.ValueUsd, ct) ?? 0m;
    }

    /// <summary>The open pipeline, and how much of it came from Epic 16's recorded conversions.</summary>
    internal async Task<Epic7Pipeline> PipelineAsync(CancellationToken ct = default)
    {
        await using var db = await platform.CreateDbContextAsync(ct);
        var open = db.CrmDeals.Where(d => d.Status == CrmDealStatus.Open);
        var total = await open.SumAsync(d => (decimal?)d.ValueUsd, ct) ?? 0m;
        var converted = await open.Where(d => d.Source != null && d.Source.StartsWith(Epic7Pipeline.ConversionSourcePrefix))
            .SumAsync(d => (decimal?)d.ValueUsd, ct) ?? 0m;
        return new Epic7Pipeline(total, converted);
    }

    /// <summary>Contacts for the CRM page (Sales, Admin), newest first, optionally filtered by name, email or company.</summary>
    public async Task<IReadOnlyList<CrmContact>> ContactsAsync(ICurrentUser user, string? search = null, int take = 200, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        await using var db = await platform.CreateDbContextAsync(ct);
        var query = db.CrmContacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // `%` and `_` typed in the box are searched for, not wildcards.
            var pattern = $"%{LikePattern.Escape(search.Trim())}%";
            query = query.Where(c => EF.Functions.ILike(c.FullName, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.ILike(c.Email, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.ILike(c.Company, pattern, LikePattern.EscapeCharacter));
        }

        return await query.OrderByDescending(c => c.Id).Take(take).ToListAsync(ct);
    }
}
