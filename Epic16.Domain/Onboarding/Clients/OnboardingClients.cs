using Epic16.Domain.Common;
using Epic16.Domain.Acquisition;
using Epic16.Domain.Acquisition.Prospects;
using Epic16.Domain.Onboarding.Health;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Clients;

/// <summary>Onboarding clients: started from a converted prospect, edited, moved through their statuses. Works the same on either store.</summary>
public sealed class OnboardingClients(IStoreRouter router, IDbContextFactory<PlatformContext> platform, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClientView>> ListAsync(ICurrentUser user, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var clients = await db.OnboardingClients.AsNoTracking().ToListAsync(ct);
        return [.. clients.OrderBy(c => c.CompanyName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).Select(ClientView.Of)];
    }

    public async Task<ClientView> GetAsync(ICurrentUser user, long id, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        return ClientView.Of(await FindAsync(db, id, ct));
    }

    /// <summary>
    /// Creates the client prefilled from a converted prospect (company, contract value from its ARR, start today), or hands
    /// back the one already started from it: starting twice never makes two clients.
    /// </summary>
    public async Task<ClientView> StartFromProspectAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        OnboardingAccess.DemandHandOver(user);
        await using var db = await router.CreateContextAsync(ct);
        var prospect = await db.Prospects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == prospectId, ct)
            ?? throw new KeyNotFoundException($"There is no prospect with id {prospectId}.");
        if (prospect.Status != ProspectStatus.Converted)
        {
            throw new OnboardingValidationException("ProspectId", $"{prospect.CompanyName} is {prospect.Status}; only a converted prospect can start onboarding.");
        }

        var existing = await db.OnboardingClients.AsNoTracking().Where(c => c.ProspectId == prospectId).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return ClientView.Of(existing);
        }

        var now = OnboardingClock.Now(clock);
        var client = new OnboardingClient
        {
            CompanyName = prospect.CompanyName,
            ProspectId = prospectId,
            ContractValueUsd = Money.Cents(prospect.EstimatedArrUsd),
            StartDate = OnboardingClock.Today(clock),
            CsmOwner = user.IsInRole(AppRoles.CustomerSuccess) ? user.Name : null,
            Status = "kickoff",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.OnboardingClients.Add(client);
        await db.SaveChangesAsync(ct);
        await BoardRows.SaveClientAsync(platform, client, now, ct);
        return ClientView.Of(client);
    }

    /// <summary>The client started from the prospect with its latest health, or null when onboarding has not started.</summary>
    public async Task<ProspectOnboardingStatus?> ForProspectAsync(ICurrentUser user, long prospectId, CancellationToken ct = default)
    {
        OnboardingAccess.DemandHandOver(user);
        await using var db = await router.CreateContextAsync(ct);
        var client = await db.OnboardingClients.AsNoTracking().Where(c => c.ProspectId == prospectId).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (client is null)
        {
            return null;
        }

        await using var control = await platform.CreateDbContextAsync(ct);
        var latest = await control.HealthSnapshots.AsNoTracking().Where(s => s.ClientId == client.Id).OrderByDescending(s => s.Day).FirstOrDefaultAsync(ct);
        return new ProspectOnboardingStatus(client.Id, client.CompanyName, client.Status, client.CsmOwner, client.GoLiveTarget, latest?.Score, latest?.Band);
    }

    /// <summary>Saves an edit; invalid input throws <see cref="OnboardingValidationException"/> naming the fields and saves nothing.</summary>
    public async Task<ClientView> SaveAsync(ICurrentUser user, long id, ClientInput input, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        var problems = ClientValidator.Validate(input);
        if (problems.Count > 0)
        {
            throw new OnboardingValidationException(problems);
        }

        await using var db = await router.CreateContextAsync(ct);
        var client = await FindAsync(db, id, ct);
        var firstDue = (await db.Milestones.AsNoTracking().Where(m => m.ClientId == id).ToListAsync(ct)).Min(m => m.DueDate);
        if (firstDue is { } due && input.StartDate > due)
        {
            throw new OnboardingValidationException(nameof(ClientInput.StartDate), $"The start date cannot be after the first milestone's due date ({due:yyyy-MM-dd}).");
        }

        client.CompanyName = input.CompanyName.Trim();
        client.ContractValueUsd = Money.Cents(input.ContractValueUsd);
        client.StartDate = input.StartDate;
        client.GoLiveTarget = input.GoLiveTarget;
        client.CsmOwner = string.IsNullOrWhiteSpace(input.CsmOwner) ? null : input.CsmOwner.Trim();
        client.UpdatedAt = OnboardingClock.Now(clock);
        var boardChanges = db.Entry(client).Property(c => c.CompanyName).IsModified || db.Entry(client).Property(c => c.CsmOwner).IsModified;
        await db.SaveChangesAsync(ct);
        if (boardChanges)
        {
            // The board sorts by name and filters by CSM from its own rows: they follow at once, not at the next snapshot.
            await BoardRows.SaveClientAsync(platform, client, client.UpdatedAt.Value, ct);
        }

        return ClientView.Of(client);
    }

    public async Task<StageMoveResult> MoveStatusAsync(ICurrentUser user, long id, string toStatus, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var client = await FindAsync(db, id, ct);
        var result = ClientStatuses.Check(client.Status, toStatus);
        if (!result.Allowed)
        {
            return result;
        }

        client.Status = toStatus;
        client.UpdatedAt = OnboardingClock.Now(clock);
        await db.SaveChangesAsync(ct);
        return result with { MovedAt = client.UpdatedAt };
    }

    internal static async Task<OnboardingClient> FindAsync(Epic16Context db, long id, CancellationToken ct) =>
        await db.OnboardingClients.SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new KeyNotFoundException($"There is no onboarding client with id {id}.");
}
