namespace Epic16.Domain.Acquisition.Sequences;

/// <summary>One touch of a cadence: its channel (one of <see cref="SequenceStepStatus.Channels"/>) and how many days after the start it goes out.</summary>
public sealed record CadenceStep(int Number, string Channel, int OffsetDays, string Subject);
