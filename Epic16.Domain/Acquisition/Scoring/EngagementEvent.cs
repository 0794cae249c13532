namespace Epic16.Domain.Acquisition.Scoring;

/// <summary>One dated interaction the engagement score counts: a sequence step or an ABM touchpoint, by status.</summary>
/// <param name="Status">The step's or touchpoint's status as stored ("replied", "opened", "meeting"…).</param>
/// <param name="At">When it happened (sequence step: SentAt; touchpoint: ExecutedAt), UTC; null means undated.</param>
public sealed record EngagementEvent(string Status, DateTime? At);
