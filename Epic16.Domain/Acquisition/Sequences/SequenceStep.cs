namespace Epic16.Domain.Acquisition.Sequences;

/// <summary>One step of a sales sequence sent to a prospect (legacy `sales_sequences`).</summary>
public class SequenceStep
{
    public long Id { get; set; }
    public long ProspectId { get; set; }
    public string SequenceName { get; set; } = "";
    public int StepNumber { get; set; }
    public string Channel { get; set; } = "";
    public string? Subject { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string Status { get; set; } = SequenceStepStatus.Scheduled;
    public string? Response { get; set; }
    public DateTime CreatedAt { get; set; }
}
