namespace Epic16.Domain.Onboarding.Templates;

public sealed record TemplateView(long Id, string Name, string? Segment, string? Description, IReadOnlyList<TemplateMilestone> Milestones, DateTime CreatedAt)
{
    public int PlanDays => Milestones.Count == 0 ? 0 : Milestones.Max(m => m.OffsetDays);

    public static TemplateView Of(SuccessTemplate t) => new(t.Id, t.Name, t.Segment, t.Description, t.Milestones, t.CreatedAt);
}
