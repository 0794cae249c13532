namespace Epic16.Domain.Acquisition;

/// <summary>Whether a prospect may move to a stage, and if not, why in words a sales rep understands.</summary>
public sealed record StageMoveResult(bool Allowed, string? Why)
{
    public static StageMoveResult Ok { get; } = new(true, null);

    public static StageMoveResult Refused(string why) => new(false, why);
}
