namespace Epic16.Domain.Acquisition.Sequences;

/// <summary>A scheduled step that is due (today or overdue) for a rep, with the prospect it belongs to.</summary>
public sealed record DueStep(
    long StepId,
    long ProspectId,
    string CompanyName,
    string? Owner,
    string SequenceName,
    int StepNumber,
    string Channel,
    string? Subject,
    DateTime? ScheduledAt,
    int DaysOverdue);
