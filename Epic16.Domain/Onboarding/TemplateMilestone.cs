namespace Epic16.Domain.Onboarding;

/// <summary>A milestone of a template, in the legacy JSON shape `{"key","name","offset_days","depends_on":[keys]}`.</summary>
public sealed class TemplateMilestone
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public int OffsetDays { get; set; }
    public List<string> DependsOn { get; set; } = [];
}
