using System.Text.Json;
using Epic16.Domain.Auditing;
using Epic16.Domain.Crm;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Epic16.Domain.Acquisition.BusinessCases;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Common;

namespace Epic16.Domain.Acquisition.Conversion;

/// <summary>
/// Converts a qualified-or-later prospect with an accepted business case into Epic 7 CRM contacts (one per decision maker
/// with an e-mail) and one open deal at the estimated ARR (the plan's <c>convert_to_crm_contact</c>). Idempotent: calls for
/// one prospect are serialised by a PostgreSQL advisory lock, contacts are found by normalised e-mail and the deal by
/// its <see cref="DealSourceOf">source</see> before anything is created. The Epic 7 open pipeline must grow by exactly
/// the new deal (0 on a retry), or the conversion is not reported as done. This is the only way to reach converted.
/// </summary>
public sealed class CrmConversionService(
    IStoreRouter router, IDbContextFactory<PlatformContext> platform, CrmService crm, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "acquisition.convert";

    /// <summary>The advisory-lock class of conversions; the prospect id is the lock's object.</summary>
    private const int LockClass = 16_007;

    /// <summary>The stages a prospect may be converted from: qualified and every open stage after it.</summary>
    public static readonly IReadOnlyList<string> ConvertibleStages =
        [.. ProspectStages.Open.SkipWhile(s => s != ProspectStatus.Qualified)];

    /// <summary>The CRM deal's source for a prospect; other parts of the product sum open deals by the <c>epic16:prospect:</c> prefix.</summary>
    public static string DealSourceOf(long prospectId) => Epic7Pipeline.ConversionSource(prospectId);

    public async Task<ConversionPreview> PreviewAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);
        var (prospect, hasAcceptedCase) = await LoadAsync(prospectId, ct);
        var (makers, withoutEmail) = Split(prospect);
        await using var db = await platform.CreateDbContextAsync(ct);
        var existing = await ContactIdsAsync(db, makers, ct);
        var source = DealSourceOf(prospectId);
        var dealId = await db.CrmDeals.AsNoTracking().Where(d => d.Source == source).OrderBy(d => d.Id).Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);

        return new ConversionPreview(
            prospect.Id, prospect.CompanyName, prospect.Status,
            [.. makers.Select(m => m with { ExistingCrmContactId = existing.TryGetValue(m.Email, out var id) ? id : null })],
            withoutEmail,
            new ConversionDeal(DealNameOf(prospect), prospect.CompanyName, Money.Cents(prospect.EstimatedArrUsd ?? 0m), source, dealId),
            BlockingReasons(prospect, hasAcceptedCase, makers.Count),
            prospect.Status == ProspectStatus.Converted);
    }

    public async Task<ConversionResult> ConvertAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        AccessGuard.Demand(user, AppPolicies.WorkPipeline);

        // A session lock on a connection held for the whole conversion: a double click waits here, then finds everything made.
        await using var db = await platform.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockClass}, {LockObject(prospectId)})", ct);
        try
        {
            return await ConvertLockedAsync(user, db, prospectId, ct);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockClass}, {LockObject(prospectId)})", CancellationToken.None);
        }
    }

    private async Task<ConversionResult> ConvertLockedAsync(ICurrentUser user, PlatformContext db, long prospectId, CancellationToken ct)
    {
        var (prospect, hasAcceptedCase) = await LoadAsync(prospectId, ct);
        var (makers, withoutEmail) = Split(prospect);
        var blocking = BlockingReasons(prospect, hasAcceptedCase, makers.Count);
        if (blocking.Count > 0)
        {
            throw new ConversionRefusedException(blocking);
        }

        // Converted is written last, after the CRM: a converted prospect has had its CRM side done (here or by the legacy app).
        var alreadyConverted = prospect.Status == ProspectStatus.Converted;
        var before = await crm.OpenPipelineValueAsync(ct);
        var source = DealSourceOf(prospectId);
        var emails = makers.Select(m => m.Email).ToList();
        var newContacts = new List<CrmContact>();
        CrmDeal? newDeal = null;
        if (!alreadyConverted)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var known = await db.CrmContacts.Where(c => emails.Contains(c.Email)).ToListAsync(ct);
            foreach (var maker in makers.Where(m => known.All(c => c.Email != m.Email)))
            {
                var contact = CrmRecords.Contact(maker.FullName, maker.Email, prospect.CompanyName, maker.Title, source, now);
                newContacts.Add(contact);
                known.Add(contact);
            }

            db.CrmContacts.AddRange(newContacts);
            if (!await db.CrmDeals.AnyAsync(d => d.Source == source, ct))
            {
                var lead = makers.FirstOrDefault(m => m.Role == DecisionMakerRole.EconomicBuyer) ?? makers[0];
                newDeal = CrmRecords.Deal(DealNameOf(prospect), prospect.CompanyName, prospect.EstimatedArrUsd!.Value, source, now,
                    contact: known.Single(c => c.Email == lead.Email));
                db.CrmDeals.Add(newDeal);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var deal = newDeal ?? await db.CrmDeals.AsNoTracking().Where(d => d.Source == source).OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
        var ids = await db.CrmContacts.AsNoTracking().Where(c => emails.Contains(c.Email)).ToDictionaryAsync(c => c.Email, c => c.Id, ct);
        var contacts = makers.Where(m => ids.ContainsKey(m.Email))
            .Select(m => new ConvertedContact(m.FullName, m.Email, ids[m.Email], newContacts.Any(c => c.Email == m.Email)))
            .ToList();

        var after = await crm.OpenPipelineValueAsync(ct);
        var expected = before + (newDeal?.ValueUsd ?? 0m);
        var details = Details(prospectId, before, after, expected, deal, newDeal is not null, contacts, withoutEmail);
        if (after != expected)
        {
            await audit.RecordAsync(user, AuditAction, $"prospect:{prospectId}", "Refused: the Epic 7 open pipeline did not grow by exactly the new deal.", details, ct);
            throw new PipelineProtectionException(before, expected, after);
        }

        var rows = alreadyConverted ? 0 : await RecordConversionAsync(user, prospectId, contacts, ct);
        var reason = alreadyConverted || (newDeal is null && newContacts.Count == 0 && rows == 0)
            ? $"{prospect.CompanyName} was already converted: nothing created."
            : $"Converted {prospect.CompanyName} into CRM contacts and a deal.";
        await audit.RecordAsync(user, AuditAction, $"prospect:{prospectId}", reason, details, ct);
        return new ConversionResult(prospectId, deal?.Id, deal?.ValueUsd, newDeal is not null, contacts, withoutEmail, rows, before, after);
    }

    /// <summary>Writes the missing conversion rows and moves the prospect to converted, in one SaveChanges on the Epic 16 store.</summary>
    private async Task<int> RecordConversionAsync(ICurrentUser user, long prospectId, List<ConvertedContact> contacts, CancellationToken ct)
    {
        await using var store = await router.CreateContextAsync(ct);
        var prospect = await store.Prospects.SingleAsync(p => p.Id == prospectId, ct);
        var recorded = (await store.CrmConversions.AsNoTracking().Where(c => c.ProspectId == prospectId).Select(c => c.DecisionMakerEmail).ToListAsync(ct))
            .Select(CrmRecords.NormalizeEmail).ToHashSet(StringComparer.Ordinal);
        var now = clock.UtcNowMicroseconds();
        var rows = contacts.Where(c => !recorded.Contains(c.Email)).Select(c => new CrmConversion
        {
            ProspectId = prospectId, DecisionMakerEmail = c.Email, CrmContactId = c.CrmContactId, ConvertedBy = user.Name, ConvertedAt = now,
        }).ToList();
        store.CrmConversions.AddRange(rows);
        if (prospect.Status != ProspectStatus.Converted)
        {
            prospect.Status = ProspectStatus.Converted;
            prospect.UpdatedAt = now;
        }

        await store.SaveChangesAsync(ct);
        return rows.Count;
    }

    private async Task<(Prospect Prospect, bool HasAcceptedCase)> LoadAsync(long prospectId, CancellationToken ct)
    {
        await using var store = await router.CreateContextAsync(ct);
        var prospect = await store.Prospects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == prospectId, ct)
            ?? throw new KeyNotFoundException($"There is no prospect with id {prospectId}.");
        var accepted = await store.BusinessCases.AsNoTracking().AnyAsync(b => b.ProspectId == prospectId && LegacyEnum.Word(b.Status) == BusinessCaseStatus.Accepted, ct);
        return (prospect, accepted);
    }

    /// <summary>Decision makers with a well-formed e-mail (one per normalised address, first wins), and the names of the others.</summary>
    private static (List<ConversionContact> Makers, List<string> WithoutEmail) Split(Prospect prospect)
    {
        var makers = new List<ConversionContact>();
        var without = new List<string>();
        foreach (var maker in prospect.DecisionMakers ?? [])
        {
            var name = string.IsNullOrWhiteSpace(maker.Name) ? "(no name)" : maker.Name.Trim();
            if (string.IsNullOrWhiteSpace(maker.Email))
            {
                without.Add(name);
            }
            else if (!ProspectValidator.IsEmail(maker.Email))
            {
                without.Add($"{name} (\"{maker.Email.Trim()}\" is not an e-mail address)");
            }
            else if (makers.All(m => m.Email != CrmRecords.NormalizeEmail(maker.Email)))
            {
                makers.Add(new ConversionContact(name, CrmRecords.NormalizeEmail(maker.Email), maker.Title, maker.Role, null));
            }
        }

        return (makers, without);
    }

    private static List<string> BlockingReasons(Prospect prospect, bool hasAcceptedCase, int contactCount)
    {
        var reasons = new List<string>();
        if (prospect.Status == ProspectStatus.Lost)
        {
            reasons.Add($"{prospect.CompanyName} is lost: reopen it and qualify it first.");
        }
        else if (prospect.Status != ProspectStatus.Converted && !ConvertibleStages.Contains(prospect.Status, StringComparer.Ordinal))
        {
            reasons.Add($"{prospect.CompanyName} is {prospect.Status}: only a qualified prospect (or later) can be converted.");
        }

        if (!hasAcceptedCase)
        {
            reasons.Add("There is no accepted business case: the customer must accept one before the deal goes to the CRM.");
        }

        if (prospect.EstimatedArrUsd is null or < 0)
        {
            reasons.Add("The estimated ARR is missing: the CRM deal is opened at that value, so enter it first.");
        }

        if (contactCount == 0)
        {
            reasons.Add("No decision maker has an e-mail address: there would be no CRM contact to create.");
        }

        return reasons;
    }

    private static async Task<Dictionary<string, long>> ContactIdsAsync(PlatformContext db, List<ConversionContact> makers, CancellationToken ct)
    {
        var emails = makers.Select(m => m.Email).ToList();
        return await db.CrmContacts.AsNoTracking().Where(c => emails.Contains(c.Email)).ToDictionaryAsync(c => c.Email, c => c.Id, ct);
    }

    private static string DealNameOf(Prospect prospect) => $"{prospect.CompanyName} — new business";

    private static int LockObject(long prospectId) => unchecked((int)(prospectId ^ (prospectId >> 32)));

    private static string Details(
        long prospectId, decimal before, decimal after, decimal expected, CrmDeal? deal, bool dealCreated, List<ConvertedContact> contacts, List<string> withoutEmail) =>
        JsonSerializer.Serialize(new
        {
            prospectId,
            pipelineBefore = before,
            pipelineAfter = after,
            pipelineExpected = expected,
            deal = deal is null ? null : new { id = deal.Id, value = deal.ValueUsd, source = deal.Source, created = dealCreated },
            contacts = contacts.Select(c => new { email = c.Email, crmContactId = c.CrmContactId, created = c.Created }),
            makersWithoutEmail = withoutEmail,
        });
}
