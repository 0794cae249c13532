namespace Epic16.Domain.Abm.Touchpoints;

/// <summary>A cadence for a campaign's target accounts: every step for every account (or the listed ones), from <see cref="StartAt"/> (UTC).</summary>
public sealed record CadencePlanInput
{
    public const int MaxSteps = 20;
    public const int MaxOffsetDays = 365;

    public DateTime? StartAt { get; init; }

    public IReadOnlyList<CadenceStepInput> Steps { get; init; } = [];

    /// <summary>Only these target accounts; all of the campaign's targets when null.</summary>
    public IReadOnlyList<long>? ProspectIds { get; init; }
}
