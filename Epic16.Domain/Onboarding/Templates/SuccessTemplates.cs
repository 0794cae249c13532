using Epic16.Domain.Onboarding.Clients;
using Epic16.Domain.Persistence;
using Epic16.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Epic16.Domain.Onboarding.Templates;

/// <summary>Success-plan templates: listed, edited with validation, and applied to a client as its milestone plan, all or nothing.</summary>
public sealed class SuccessTemplates(IStoreRouter router, TimeProvider clock)
{
    public async Task<IReadOnlyList<TemplateView>> ListAsync(ICurrentUser user, CancellationToken ct = default)
    {
        OnboardingAccess.DemandRead(user);
        await using var db = await router.CreateContextAsync(ct);
        var templates = await db.SuccessTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        return [.. templates.Select(TemplateView.Of)];
    }

    /// <summary>Creates (<paramref name="id"/> null) or replaces a template; invalid input saves nothing.</summary>
    public async Task<TemplateView> SaveAsync(ICurrentUser user, long? id, TemplateInput input, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        var problems = TemplateValidator.Validate(input);
        if (problems.Count > 0)
        {
            throw new OnboardingValidationException(problems);
        }

        await using var db = await router.CreateContextAsync(ct);
        var name = input.Name.Trim();
        var others = await db.SuccessTemplates.AsNoTracking().Where(t => t.Id != id).Select(t => t.Name).ToListAsync(ct);
        if (others.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new OnboardingValidationException(nameof(TemplateInput.Name), $"Another template is already called \"{name}\".");
        }

        SuccessTemplate template;
        if (id is null)
        {
            template = new SuccessTemplate { CreatedAt = OnboardingClock.Now(clock) };
            db.SuccessTemplates.Add(template);
        }
        else
        {
            template = await db.SuccessTemplates.SingleOrDefaultAsync(t => t.Id == id, ct)
                ?? throw new KeyNotFoundException($"There is no success template with id {id}.");
        }

        template.Name = name;
        template.Segment = string.IsNullOrWhiteSpace(input.Segment) ? null : input.Segment.Trim();
        template.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        template.Milestones = [.. input.Milestones.Select(m => new TemplateMilestone
        {
            Key = m.Key.Trim(), Name = m.Name.Trim(), OffsetDays = m.OffsetDays, DependsOn = [.. m.DependsOn.Select(d => d.Trim()).Distinct()],
        })];
        await db.SaveChangesAsync(ct);
        return TemplateView.Of(template);
    }

    /// <summary>
    /// Gives the client the template's milestones: due on start + offset, dependencies mapped from keys to the new ids, the
    /// go-live target set from the plan when the client had none. A client that already has a plan is refused. One
    /// transaction: either the whole plan is there or none of it.
    /// </summary>
    public async Task<int> ApplyAsync(ICurrentUser user, long templateId, long clientId, CancellationToken ct = default)
    {
        OnboardingAccess.DemandWrite(user);
        await using var db = await router.CreateContextAsync(ct);
        var template = await db.SuccessTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId, ct)
            ?? throw new KeyNotFoundException($"There is no success template with id {templateId}.");
        var problems = TemplateValidator.Validate(TemplateInput.From(TemplateView.Of(template)));
        if (problems.Count > 0)
        {
            throw new OnboardingValidationException("TemplateId", $"The template \"{template.Name}\" is not valid: {problems[0].Message}");
        }

        var client = await OnboardingClients.FindAsync(db, clientId, ct);
        if (client.StartDate is not { } start)
        {
            throw new OnboardingValidationException("StartDate", $"{client.CompanyName} needs a start date before a plan can be applied.");
        }

        if (await db.Milestones.AnyAsync(m => m.ClientId == clientId, ct))
        {
            throw new OnboardingValidationException("TemplateId", $"{client.CompanyName} already has a milestone plan.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = template.Milestones.Select((m, i) => (m, Row: new Milestone
        {
            ClientId = clientId, Name = m.Name, SortOrder = i * 10, DueDate = start.AddDays(m.OffsetDays), Status = "pending", DependsOn = [],
        })).ToList();
        db.Milestones.AddRange(created.Select(c => c.Row));
        await db.SaveChangesAsync(ct);

        var ids = created.ToDictionary(c => c.m.Key, c => c.Row.Id);
        foreach (var (m, row) in created)
        {
            row.DependsOn = [.. m.DependsOn.Select(k => ids[k])];
        }

        client.TemplateId = templateId;
        client.GoLiveTarget ??= start.AddDays(template.Milestones.Max(m => m.OffsetDays));
        if (client.CsmOwner is null && user.IsInRole(AppRoles.CustomerSuccess))
        {
            client.CsmOwner = user.Name;
        }

        client.UpdatedAt = OnboardingClock.Now(clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created.Count;
    }
}
