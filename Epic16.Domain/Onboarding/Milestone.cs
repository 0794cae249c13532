namespace Epic16.Domain.Onboarding;

/// <summary>A client's milestone; `DependsOn` holds milestone ids of the same client (legacy `milestones`).</summary>
public class Milestone
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int? SortOrder { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string Status { get; set; } = "pending";
    public List<long>? DependsOn { get; set; }
}
