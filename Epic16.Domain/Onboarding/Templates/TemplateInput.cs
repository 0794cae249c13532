namespace Epic16.Domain.Onboarding.Templates;

/// <summary>The template form: name, segment, description and its milestones (key, name, offset, keys depended on).</summary>
public sealed class TemplateInput
{
    public string Name { get; set; } = "";
    public string? Segment { get; set; }
    public string? Description { get; set; }
    public List<TemplateMilestone> Milestones { get; set; } = [];

    public static TemplateInput From(TemplateView t) => new()
    {
        Name = t.Name, Segment = t.Segment, Description = t.Description,
        Milestones = [.. t.Milestones.Select(m => new TemplateMilestone { Key = m.Key, Name = m.Name, OffsetDays = m.OffsetDays, DependsOn = [.. m.DependsOn] })],
    };
}
