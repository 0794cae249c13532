namespace Epic16.Domain.Onboarding;

/// <summary>A success-plan template: the milestones a new client goes through (legacy `success_templates`).</summary>
public class SuccessTemplate
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Segment { get; set; }
    public string? Description { get; set; }
    public List<TemplateMilestone> Milestones { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}
