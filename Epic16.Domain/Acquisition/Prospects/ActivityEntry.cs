namespace Epic16.Domain.Acquisition.Prospects;

/// <summary>One dated thing that happened to a prospect, as the activity tab lists it; <see cref="At"/> is null for undated notes.</summary>
public sealed record ActivityEntry(DateTime? At, string Kind, string Text);
