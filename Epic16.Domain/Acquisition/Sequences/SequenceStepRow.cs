namespace Epic16.Domain.Acquisition.Sequences;

/// <summary>A sequence step as the prospect's timeline shows it.</summary>
public sealed record SequenceStepRow(
    long Id,
    long ProspectId,
    string SequenceName,
    int StepNumber,
    string Channel,
    string? Subject,
    DateTime? ScheduledAt,
    DateTime? SentAt,
    string Status,
    string? Response);
