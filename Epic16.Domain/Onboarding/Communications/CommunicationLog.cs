using Epic16.Domain.Acquisition;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Communications;

/// <summary>A client's communication log: recorded with validation, filtered by channel, direction, author and date. Works the same on either store.</summary>
public sealed class CommunicationLog(IStoreRouter router, TimeProvider clock)
{
    public async Task<CommunicationRow> RecordAsync(ICurrentUser user, long clientId, CommunicationInput input, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        var now = OnboardingClock.Now(clock);
        var problems = new List<ValidationProblem>();
        if (!OnboardingVocabulary.Channels.Contains(input.Channel))
        {
            problems.Add(new(nameof(input.Channel), $"The channel must be one of {string.Join(", ", OnboardingVocabulary.Channels)}."));
        }

        if (!OnboardingVocabulary.Directions.Contains(input.Direction))
        {
            problems.Add(new(nameof(input.Direction), "The direction must be inbound or outbound."));
        }

        if (string.IsNullOrWhiteSpace(input.Subject))
        {
            problems.Add(new(nameof(input.Subject), "The subject is required."));
        }

        if (input.OccurredAt is { } at && at.ToUniversalTime() > now.AddMinutes(5))
        {
            problems.Add(new(nameof(input.OccurredAt), "A communication cannot be in the future."));
        }

        if (problems.Count > 0)
        {
            throw new OnboardingValidationException(problems);
        }

        await using var db = await router.CreateContextAsync(ct);
        if (!await db.OnboardingClients.AnyAsync(c => c.Id == clientId, ct))
        {
            throw new KeyNotFoundException($"There is no onboarding client with id {clientId}.");
        }

        var row = new Communication
        {
            ClientId = clientId, Channel = input.Channel, Direction = input.Direction, Subject = input.Subject!.Trim(),
            Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim(), Author = user.Name,
            OccurredAt = input.OccurredAt is { } when ? DateTime.SpecifyKind(when.ToUniversalTime(), DateTimeKind.Utc) : now,
        };
        db.Communications.Add(row);
        await db.SaveChangesAsync(ct);
        return RowOf(row);
    }

    /// <summary>Newest first. The client filter runs in SQL; the others after parsing (legacy spellings and date forms vary).</summary>
    public async Task<IReadOnlyList<CommunicationRow>> ListAsync(ICurrentUser user, CommunicationQuery query, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var rows = await db.Communications.AsNoTracking().Where(c => query.ClientId == null || c.ClientId == query.ClientId).ToListAsync(ct);
        return
        [
            .. rows.Where(c => (query.Channel is null || c.Channel == query.Channel)
                    && (query.Direction is null || c.Direction == query.Direction)
                    && (string.IsNullOrWhiteSpace(query.Author) || (c.Author ?? "").Contains(query.Author.Trim(), StringComparison.OrdinalIgnoreCase))
                    && (query.From is not { } from || DateOnly.FromDateTime(c.OccurredAt) >= from)
                    && (query.To is not { } to || DateOnly.FromDateTime(c.OccurredAt) <= to))
                .OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id)
                .Select(RowOf),
        ];
    }

    private static CommunicationRow RowOf(Communication c) => new(c.Id, c.ClientId, c.Channel, c.Direction, c.Subject, c.Summary, c.Author, c.OccurredAt);
}
