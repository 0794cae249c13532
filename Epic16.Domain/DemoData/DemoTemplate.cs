namespace Epic16.Domain.DemoData;

/// <summary>A success-plan template: its milestones are (key, name, offset in days, keys it depends on).</summary>
internal sealed record DemoTemplate(string Name, string Segment, string Description, IReadOnlyList<(string Key, string Name, int OffsetDays, string[] DependsOn)> Milestones);
